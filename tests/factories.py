import factory
from allauth.account.models import EmailAddress

from wijkkoers.accounts.models import User

PASSWORD = "een-lang-wachtwoord-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    name = factory.Faker("name", locale="nl_NL")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
