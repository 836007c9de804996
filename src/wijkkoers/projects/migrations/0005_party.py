import django.db.models.deletion
import django.db.models.functions.text
import wijkkoers.projects.models
from django.db import migrations, models


class Migration(migrations.Migration):
    """Parties per project, beside the global organisations until 0003 has copied them."""

    dependencies = [
        ('projects', '0004_note_html_and_longer_step_key'),
    ]

    operations = [
        migrations.CreateModel(
            name='Party',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('public_id', models.CharField(default=wijkkoers.projects.models.new_public_id, editable=False, max_length=16, unique=True)),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('party_type', models.CharField(max_length=80, verbose_name='kind of party')),
                ('other_type', models.CharField(blank=True, max_length=120, verbose_name='kind of party (other)')),
                ('description', models.TextField(blank=True, max_length=2000, verbose_name='description')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('project', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='parties', to='projects.project')),
            ],
            options={
                'verbose_name': 'party',
                'verbose_name_plural': 'parties',
                'ordering': ['name'],
            },
        ),
        migrations.AddConstraint(
            model_name='party',
            constraint=models.UniqueConstraint(models.F('project'), django.db.models.functions.text.Lower('name'), name='one_party_name_per_project'),
        ),
        migrations.AddField(
            model_name='invitation',
            name='party',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='invitations', to='projects.party', verbose_name='party'),
        ),
        migrations.AddField(
            model_name='membership',
            name='party',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='memberships', to='projects.party', verbose_name='party'),
        ),
    ]
