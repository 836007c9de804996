"""How allauth behaves for Wijkkoers, where its settings are not enough."""

import ipaddress
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter

from wijkkoers.core.mail import mail_context, mail_subject, site_url


def _place(ip: str) -> str:
    """The client address as a place: an IPv6 client owns a whole /64, so count that."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return ip


class AccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """Count wrong passwords per account *and* place (client address).

        allauth counts them per account only, so a stranger who types five wrong passwords
        locks the owner out everywhere. With the place in the key, guessing is still throttled
        per account from one place (`/key` rate) and per place over all accounts (`/ip` rate),
        while the owner logs in from anywhere else. The counters live in the cache, shared by
        all workers through Redis in production. A password reset clears the counter of the
        place it is done from (allauth calls this same method then).
        """
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}:{_place(self.get_client_ip(request))}"

    def format_email_subject(self, subject) -> str:
        return mail_subject(super().format_email_subject(subject))

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's mails with our signature, and links on SITE_URL.

        allauth builds its links (`activate_url`, `password_reset_url`, `signup_url`) from the
        request's host, which is 127.0.0.1 behind a proxy or on another port; every absolute
        link is moved onto SITE_URL, keeping its path and query.
        """
        links = {key: _on_site(value) for key, value in context.items() if key.endswith("_url")}
        super().send_mail(template_prefix, email, mail_context(**{**context, **links}))


def _on_site(url):
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        return url
    parts = urlsplit(url)
    return site_url(parts.path + (f"?{parts.query}" if parts.query else ""))
