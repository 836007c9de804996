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
        return self.name or self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        # The username is an implementation detail of Django and Wagtail: keep it in
        # step with the e-mail address so it never needs choosing or showing.
        if self.email:
            self.email = self.__class__.objects.normalize_email(self.email).lower()
            self.username = self.email
        super().save(*args, **kwargs)
