from wijkkoers.accounts.models import User


def update_profile(user: User, *, name: str) -> User:
    """Change what a user shows of themselves to their teams."""
    user.name = name.strip()
    user.save(update_fields=["name"])
    return user
