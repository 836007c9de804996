"""Demo accounts for a development machine, made through the same paths as real ones."""

from allauth.account.models import EmailAddress

from wijkkoers.accounts.models import User

DEMO_PASSWORD = "wijkkoers-demo"  # noqa: S105 - printed for newcomers on purpose
DEMO_USERS = [
    # e-mail, name, staff (may use the CMS)
    ("projectleider@example.org", "Priya Projectleider", False),
    ("teamlid@example.org", "Tom Teamlid", False),
    ("meelezer@example.org", "Mila Meelezer", False),
    ("redacteur@example.org", "Ruben Redacteur", True),
]


def ensure_demo_user(email: str, name: str, *, staff: bool = False) -> User:
    """Create (or reset) a demo account with a verified e-mail address."""
    user = User.objects.filter(email=email).first() or User(email=email)
    user.name = name
    user.is_staff = staff
    user.is_superuser = staff
    user.set_password(DEMO_PASSWORD)
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user
