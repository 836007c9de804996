"""Each project's organisations become its own parties; members and invitations follow.

An organisation used by several projects becomes one party in each. An organisation that
a member or invitation names but the project never listed becomes a party of that project
too, so nothing is lost. Names that differ only in case within one project become one party.
"""

import secrets

from django.db import migrations


def _party_for(Party, cache, project_id, organisation):
    key = (project_id, organisation.name.lower())
    if key not in cache:
        cache[key] = Party.objects.create(
            project_id=project_id,
            public_id=secrets.token_urlsafe(9),
            name=organisation.name,
            party_type=organisation.party_type,
        )
    return cache[key]


def organisations_to_parties(apps, schema_editor):
    Project = apps.get_model("projects", "Project")
    Party = apps.get_model("projects", "Party")
    Membership = apps.get_model("projects", "Membership")
    Invitation = apps.get_model("projects", "Invitation")
    cache = {}
    for project in Project.objects.prefetch_related("organisations"):
        for organisation in project.organisations.all():
            _party_for(Party, cache, project.pk, organisation)
    for Model in (Membership, Invitation):
        for row in Model.objects.exclude(organisation=None).select_related("organisation"):
            row.party = _party_for(Party, cache, row.project_id, row.organisation)
            row.save(update_fields=["party"])


def parties_to_organisations(apps, schema_editor):
    """Back to one global list: parties with the same name share one organisation."""
    Party = apps.get_model("projects", "Party")
    Organisation = apps.get_model("projects", "Organisation")
    Membership = apps.get_model("projects", "Membership")
    Invitation = apps.get_model("projects", "Invitation")
    for party in Party.objects.select_related("project"):
        organisation, _created = Organisation.objects.get_or_create(
            name=party.name,
            defaults={"party_type": party.party_type, "public_id": secrets.token_urlsafe(9)},
        )
        party.project.organisations.add(organisation)
        Membership.objects.filter(party=party).update(organisation=organisation)
        Invitation.objects.filter(party=party).update(organisation=organisation)


class Migration(migrations.Migration):
    dependencies = [
        ('projects', '0005_party'),
    ]

    operations = [
        migrations.RunPython(organisations_to_parties, parties_to_organisations),
    ]
