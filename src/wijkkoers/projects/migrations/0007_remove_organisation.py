from django.db import migrations


class Migration(migrations.Migration):
    """The global organisation list (and its unread member list) is gone."""

    dependencies = [
        ('projects', '0006_parties_from_organisations'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='project',
            name='organisations',
        ),
        migrations.RemoveField(
            model_name='membership',
            name='organisation',
        ),
        migrations.RemoveField(
            model_name='invitation',
            name='organisation',
        ),
        migrations.DeleteModel(
            name='Organisation',
        ),
    ]
