"""Who is asking: a bearer token, found by its hash. Also the scopes and the rate limits."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import BasePermission
from rest_framework.throttling import SimpleRateThrottle

from cms.adapters import client_ip
from cms.models import ApiToken
from cms.models.api import hash_token


class TokenAuthentication(BaseAuthentication):
    """`Authorization: Bearer <token>`. A personal token acts as its owner; an organisation
    token as nobody (request.user is anonymous, request.auth the token)."""

    def authenticate(self, request):
        words = get_authorization_header(request).split()
        if not words or words[0].lower() != b"bearer":
            return None
        if len(words) != 2:
            raise exceptions.AuthenticationFailed("Send the token as: Authorization: Bearer <token>")
        raw = words[1].decode("latin-1")
        token = (ApiToken.objects.select_related("user", "organisation")
                 .filter(key_hash=hash_token(raw)).first())
        if token is None:
            raise exceptions.AuthenticationFailed("This token is not known.")
        # The request log (cms.api.middleware) records every request made with a token,
        # refused ones too.
        request._request.api_token = token
        if token.is_revoked:
            raise exceptions.AuthenticationFailed("This token has been revoked.")
        user = token.user
        if user is not None and (not user.is_active or user.erased_at):
            raise exceptions.AuthenticationFailed("This token's account is closed.")
        now = timezone.now()
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
        return (user or AnonymousUser(), token)

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


def token_of(request, scope):
    token = request.auth
    if isinstance(token, ApiToken) and token.scope == scope and not token.is_revoked:
        return token
    return None


class HasPersonalToken(BasePermission):
    message = "This needs a personal token."

    def has_permission(self, request, view):
        return token_of(request, ApiToken.Scope.PERSONAL) is not None


class HasOrganisationToken(BasePermission):
    message = "This needs an organisation token."

    def has_permission(self, request, view):
        return token_of(request, ApiToken.Scope.ORGANISATION) is not None


class RateLimit(SimpleRateThrottle):
    """Per token when a token is sent, else per client address (from the trusted proxy
    header, cms.adapters.client_ip). Counted in the shared cache, so every worker and
    server sees the same count. Rates: API_TOKEN_RATE and API_ANONYMOUS_RATE."""

    def get_rate(self):
        return None  # read per request (tests and settings can change it)

    def allow_request(self, request, view):
        if isinstance(request.auth, ApiToken):
            self.rate, ident = settings.API_TOKEN_RATE, f"token:{request.auth.pk}"
        else:
            self.rate, ident = settings.API_ANONYMOUS_RATE, f"ip:{client_ip(request)}"
        self.num_requests, self.duration = self.parse_rate(self.rate)
        self.key = f"throttle_api_{ident}"
        self.history = self.cache.get(self.key, [])
        self.now = self.timer()
        while self.history and self.history[-1] <= self.now - self.duration:
            self.history.pop()
        if len(self.history) >= self.num_requests:
            return self.throttle_failure()
        return self.throttle_success()


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI document names the token: HTTP bearer."""
    target_class = TokenAuthentication
    name = "bearer"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer",
                "description": "A personal or organisation token: `Authorization: Bearer "
                               "rpc_...`."}
