from functools import cache

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from wijkkoers.accounts.models import User

PASSWORD = "een-lang-wachtwoord-42"


@cache
def hashed_password() -> str:
    """Argon2 is slow on purpose; hash the shared test password once per run."""
    return make_password(PASSWORD)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    name = factory.Faker("name", locale="nl_NL")
    password = factory.LazyFunction(hashed_password)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
