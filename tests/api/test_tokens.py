"""Personal API tokens: hashed at rest, shown once, revoked for good; the account pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from tests.html import inline_code
from wijkkoers.api.errors import (
    TokenAlreadyRevoked,
    TokenExpiryInPast,
    TokenNameRequired,
    TooManyTokens,
)
from wijkkoers.api.models import ApiToken
from wijkkoers.api.tokens import (
    MAX_ACTIVE_TOKENS,
    create_api_token,
    hash_token,
    revoke_api_token,
    user_for_token,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def user(db):
    return UserFactory(name="Tara Token")


def test_create_api_token_stores_only_a_hash(user):
    token, text = create_api_token(user, name="Dashboard gemeente")

    stored = ApiToken.objects.get()
    assert text.startswith(token.prefix + "_")
    assert stored.secret_hash == hash_token(text)
    assert len(text) > 40
    for value in (stored.name, stored.prefix, stored.secret_hash, stored.public_id):
        assert text not in value
    assert text.split("_", 2)[2] not in stored.secret_hash


def test_create_api_token_without_name_is_refused(user):
    with pytest.raises(TokenNameRequired):
        create_api_token(user, name="   ")
    assert not ApiToken.objects.exists()


def test_create_api_token_expiring_today_is_refused(user):
    with pytest.raises(TokenExpiryInPast):
        create_api_token(user, name="x", expires_on=timezone.localdate())


def test_create_api_token_beyond_the_maximum_is_refused(user):
    for number in range(MAX_ACTIVE_TOKENS):
        create_api_token(user, name=f"token {number}")
    with pytest.raises(TooManyTokens):
        create_api_token(user, name="one more")
    assert ApiToken.objects.count() == MAX_ACTIVE_TOKENS


def test_user_for_token_knows_an_active_token(user):
    _token, text = create_api_token(user, name="x")

    assert user_for_token(text) == user
    assert user_for_token(text + "x") is None
    assert user_for_token("wkt_nope") is None
    assert user_for_token("") is None


def test_user_for_token_refuses_revoked_expired_and_inactive(user):
    revoked, revoked_text = create_api_token(user, name="a")
    revoke_api_token(user, revoked)
    expired, expired_text = create_api_token(
        user, name="b", expires_on=timezone.localdate() + timedelta(days=1)
    )
    ApiToken.objects.filter(pk=expired.pk).update(
        expires_on=timezone.localdate() - timedelta(days=1)
    )
    _other, inactive_text = create_api_token(user, name="c")

    assert user_for_token(revoked_text) is None
    assert user_for_token(expired_text) is None
    type(user).objects.filter(pk=user.pk).update(is_active=False)
    assert user_for_token(inactive_text) is None


def test_user_for_token_marks_last_use_at_most_once_a_minute(user, django_assert_num_queries):
    token, text = create_api_token(user, name="x")
    with django_assert_num_queries(2):  # read + first mark
        user_for_token(text)
    first = ApiToken.objects.get().last_used_at
    with django_assert_num_queries(1):  # read only
        user_for_token(text)
    assert ApiToken.objects.get().last_used_at == first
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - timedelta(minutes=2))
    user_for_token(text)
    assert ApiToken.objects.get().last_used_at > first - timedelta(minutes=1)


def test_revoke_api_token_twice_is_refused(user):
    token, _text = create_api_token(user, name="x")
    revoke_api_token(user, token)
    with pytest.raises(TokenAlreadyRevoked):
        revoke_api_token(user, token)


# --- Pages ------------------------------------------------------------------------------


def test_token_pages_anonymous_go_to_login(client, user):
    token, _text = create_api_token(user, name="x")
    for path in (
        "/account/api-tokens/",
        "/account/api-tokens/nieuw/",
        f"/account/api-tokens/{token.public_id}/intrekken/",
    ):
        response = client.get(path)
        assert response.status_code == 302
        assert "/account/login/" in response["Location"]


def test_token_list_shows_own_tokens_only(client, user):
    create_api_token(user, name="Mijn koppeling")
    create_api_token(UserFactory(), name="Andermans koppeling")
    client.force_login(user)

    page = client.get("/account/api-tokens/").content.decode()

    assert "Mijn koppeling" in page
    assert "Andermans koppeling" not in page


def test_profile_links_to_api_tokens(client, user):
    client.force_login(user)
    assert 'href="/account/api-tokens/"' in client.get("/account/profiel/").content.decode()


def test_token_create_shows_the_token_once(client, user):
    client.force_login(user)

    response = client.post("/account/api-tokens/nieuw/", {"name": "Dashboard"})

    assert response.status_code == 200
    text = response.context["text"]
    assert text in response.content.decode()
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert ApiToken.objects.get().secret_hash == hash_token(text)
    assert inline_code(response.content.decode()) == []
    assert text not in client.get("/account/api-tokens/").content.decode()


def test_api_docs_page_has_no_inline_code(client):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    assert inline_code(response.content.decode()) == []
    assert "cdn" not in response.content.decode().lower()


def test_token_create_bad_input_shows_error_at_field(client, user):
    client.force_login(user)
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()

    response = client.post("/account/api-tokens/nieuw/", {"name": "x", "expires_on": yesterday})

    assert response.status_code == 200
    assert response.context["form"].errors["expires_on"] == ["Kies een datum na vandaag."]
    assert not ApiToken.objects.exists()


def test_token_revoke_stops_the_token(client, user):
    token, text = create_api_token(user, name="x")
    client.force_login(user)

    response = client.post(f"/account/api-tokens/{token.public_id}/intrekken/")

    assert response.status_code == 302
    assert ApiToken.objects.get().revoked_at is not None
    assert user_for_token(text) is None


def test_token_revoke_of_another_user_is_404(client, user):
    token, text = create_api_token(UserFactory(), name="x")
    client.force_login(user)

    assert client.post(f"/account/api-tokens/{token.public_id}/intrekken/").status_code == 404
    assert client.get("/account/api-tokens/bad/intrekken/").status_code == 404
    assert user_for_token(text) is not None


def test_token_list_query_count_is_flat(client, user, django_assert_max_num_queries):
    client.force_login(user)
    create_api_token(user, name="eerste")
    with django_assert_max_num_queries(6) as few:
        client.get("/account/api-tokens/")
    for number in range(15):
        create_api_token(user, name=f"token {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/account/api-tokens/")
