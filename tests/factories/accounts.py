import factory
from allauth.account.models import EmailAddress

from accounts.models import User

PASSWORD = "kunta-salasana-2025"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"trustee{n}@example.fi")
    first_name = "Tiina"
    last_name = factory.Sequence(lambda n: f"Luottamus{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def verified_user(**kwargs) -> User:
    """A user whose e-mail address allauth considers verified, so they can log in."""
    user = UserFactory(**kwargs)
    EmailAddress.objects.create(
        user=user, email=user.email, primary=True, verified=True
    )
    return user
