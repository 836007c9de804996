from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class WijkkoersUserManager(UserManager):
    """Users log in with their e-mail address; the username is kept equal to it."""

    def _create_user(self, username, email, password, **extra_fields):
        email = self.normalize_email(email or username)
        return super()._create_user(username or email, email, password, **extra_fields)

    def create_user(self, username=None, email=None, password=None, **extra_fields):
        return super().create_user(username, email, password, **extra_fields)

    def create_superuser(self, username=None, email=None, password=None, **extra_fields):
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """A person using Wijkkoers. Identified by e-mail; shown by name."""

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)

    objects = WijkkoersUserManager()

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.email

    def get_full_name(self) -> str:
        # Django and Wagtail (revisions, workflow, "locked by") name a user by this; our
        # users give one name, not a first and last name.
        return self.name.strip() or super().get_full_name()

    def save(self, *args, **kwargs):
        # The username is an implementation detail of Django and Wagtail: keep it in
        # step with the e-mail address so it never needs choosing or showing.
        if self.email:
            self.email = self.__class__.objects.normalize_email(self.email).lower()
            self.username = self.email
        # Wagtail's menu greets a user by first_name alone: keep it equal to the name.
        self.first_name, self.last_name = self.name.strip(), ""
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "first_name", "last_name"}
        super().save(*args, **kwargs)
