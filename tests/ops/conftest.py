import pytest

from tests.proof.conftest import world  # noqa: F401  (the small complete site)


@pytest.fixture
def staff_client(client, world):  # noqa: F811
    client.force_login(world.staff)
    # Staff reach the admin only after MFA; the tests sign in past it like the session does.
    session = client.session
    session["account_authentication_methods"] = [{"method": "mfa", "type": "totp"}]
    session.save()
    return client
