"""The account pages speak plain English in the site's own layout, follow GOV.UK's sign-in
and error patterns, and are valid HTML (no stray end tags)."""

from html.parser import HTMLParser

import pytest

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}
# Start tags that close an open <p> (HTML's implied end tag).
CLOSES_P = {"address", "article", "aside", "blockquote", "div", "dl", "fieldset", "footer",
            "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol",
            "p", "pre", "section", "table", "ul"}


class TagBalance(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.errors = [], []

    def handle_starttag(self, tag, attrs):
        if tag in CLOSES_P and "p" in self.stack[-1:]:
            self.stack.pop()
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag not in self.stack:
            self.errors.append(f"stray </{tag}> at line {self.getpos()[0]}")
            return
        while self.stack.pop() != tag:
            pass


def html_errors(html):
    checker = TagBalance()
    checker.feed(html)
    return checker.errors


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/signup/",
                                  "/accounts/password/reset/"])
def test_it_serves_valid_html(client, db, path):
    assert html_errors(client.get(path).content.decode()) == []


def test_a_stray_end_tag_is_caught():
    assert html_errors("<p>Help <ul><li>a</li></ul></p>") == ["stray </p> at line 1"]


def test_sign_in_speaks_plain_english_and_keeps_the_link_out_of_the_field(client, db):
    html = client.get("/accounts/login/").content.decode()
    assert "<h1>Sign in</h1>" in html
    assert "Sign In" not in html and "Remember Me" not in html
    assert "Remember me on this device" in html
    assert "Create an account" in html
    label = html.index('for="id_password"')
    field = html.index('id="id_password"', label + 1)
    assert "Forgot your password?" not in html[label:field]
    assert html.index("Forgot your password?") > field


def test_create_an_account_names_each_field_in_the_error_summary(client, db):
    page = client.get("/accounts/signup/").content.decode()
    assert "Create an account" in page and "Signup" not in page and "Sign Up" not in page
    assert "Confirm password" in page and "Password (again)" not in page
    html = client.post("/accounts/signup/", {}).content.decode()
    summary = html.split('class="error-summary"')[1].split("</ul>")[0]
    assert "This field is required." not in summary
    assert "Enter email" in summary
    assert "Enter your password again" in summary


def test_two_step_verification_is_named_so(client, alice):
    client.force_login(alice)
    html = client.get("/accounts/2fa/").content.decode()
    assert "Two-step verification" in html
    assert "Two-Factor Authentication" not in html
