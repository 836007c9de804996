"""The audit actions projects write, registered once (from ProjectsConfig.ready).

Each action gets a group for the filter, a sentence, and its fields' labels and display,
taken from the models' own verbose names and choices where they exist.
"""

from django.utils.translation import gettext_lazy as _

from wijkkoers.audit.registry import (
    Field,
    fields_of,
    register_action,
    register_group,
    register_object_type,
)
from wijkkoers.projects.models import (
    Invitation,
    Membership,
    Neighbourhood,
    Party,
    Project,
    StepProgress,
    SubProject,
)

PROGRESS_OBJECT = "step_progress"


def progress_object_id(step_key: str, subproject=None) -> str:
    """The stable id of a step's progress in the trail: the step key, and the sub-project's.

    Not the StepProgress pk: the key survives a progress row being recreated and reads
    the same in an export.
    """
    return f"{step_key}:{subproject.public_id}" if subproject else step_key


def _describe_progress(progress: StepProgress) -> str:
    """ "1.2 Helderheid over ambities" (and " · sub-project"), as the method names it now."""
    from wijkkoers.method.catalogue import get_catalogue

    step = get_catalogue().steps.get(progress.step_key)
    name = f"{step.display_number} {step.title}" if step else progress.step_key
    return f"{name} · {progress.subproject.name}" if progress.subproject_id else name


def _party_type_named(key: str) -> dict:
    from django.utils.translation import gettext

    from wijkkoers.method.models import PartyType

    if key == Party.OTHER:
        # The team's own label is recorded beside it (other_type); never show the stored key.
        return {"id": key, "name": gettext("another kind (own label)")}
    name = PartyType.objects.filter(key=key).values_list("name", flat=True).first()
    return {"id": key, "name": name or gettext("a kind no longer in the method")}


def register() -> None:
    register_object_type(Project, "project", describe=lambda p: p.name)
    register_object_type(Invitation, "invitation", describe=lambda i: i.email)
    register_object_type(Neighbourhood, "neighbourhood", identify=_pk)
    register_object_type(SubProject, "subproject")
    register_object_type(Party, "party")
    register_object_type(
        StepProgress,
        PROGRESS_OBJECT,
        describe=_describe_progress,
        identify=lambda p: progress_object_id(p.step_key, p.subproject),
    )
    _register_project_actions()
    _register_member_actions()
    _register_progress_actions()


def _pk(obj) -> str:
    return str(obj.pk)


def _register_project_actions() -> None:
    register_group("project", _("Project and settings"))
    project_fields = fields_of(
        Project, ["name", "municipality", "description", "start_date", "status"]
    )
    register_action(
        "project.created",
        group="project",
        summary=_("%(actor)s created the project %(object)s"),
        fields=project_fields,
    )
    register_action(
        "project.updated",
        group="project",
        summary=_("%(actor)s changed the settings of %(object)s"),
        fields=project_fields,
    )
    lifecycle = {
        **fields_of(Project, ["status"]),
        "reason": Field(label=_("reason")),
    }
    register_action(
        "project.closed",
        group="project",
        summary=_("%(actor)s closed the project %(object)s"),
        fields=lifecycle,
    )
    register_action(
        "project.reopened",
        group="project",
        summary=_("%(actor)s reopened the project %(object)s"),
        fields=lifecycle,
    )
    register_action(
        "neighbourhood.added",
        group="project",
        summary=_("%(actor)s added the neighbourhood %(object)s"),
        fields=fields_of(Neighbourhood, ["name", "cbs_code"]),
    )
    register_action(
        "neighbourhood.updated",
        group="project",
        summary=_("%(actor)s changed the neighbourhood %(object)s"),
        fields=fields_of(Neighbourhood, ["name", "cbs_code"]),
    )
    register_action(
        "neighbourhood.removed",
        group="project",
        summary=_("%(actor)s removed the neighbourhood %(object)s"),
        fields=fields_of(Neighbourhood, ["name", "cbs_code"]),
    )
    subproject_fields = fields_of(SubProject, ["name", "description"])
    register_action(
        "subproject.added",
        group="project",
        summary=_("%(actor)s added the sub-project %(object)s"),
        fields=subproject_fields,
    )
    register_action(
        "subproject.updated",
        group="project",
        summary=_("%(actor)s changed the sub-project %(object)s"),
        fields=subproject_fields,
    )
    register_action(
        "subproject.removed",
        group="project",
        summary=_("%(actor)s removed the sub-project %(object)s"),
        fields=subproject_fields,
    )
    party_fields = fields_of(
        Party,
        ["name", "party_type", "other_type", "description"],
        party_type=Field(label=_("kind of party"), snapshot=_party_type_named),
    )
    register_action(
        "party.added",
        group="project",
        summary=_("%(actor)s added %(object)s as a party"),
        fields=party_fields,
    )
    register_action(
        "party.updated",
        group="project",
        summary=_("%(actor)s changed the party %(object)s"),
        fields=party_fields,
    )
    register_action(
        "party.removed",
        group="project",
        summary=_("%(actor)s removed the party %(object)s"),
        fields=party_fields,
    )


def _register_member_actions() -> None:
    register_group("membership", _("Members and roles"))
    role = fields_of(Membership, ["role"])
    register_action(
        "member.role_changed",
        group="membership",
        summary=_("%(actor)s changed the role of %(object)s"),
        fields=role,
    )
    register_action(
        "member.removed",
        group="membership",
        summary=_("%(actor)s removed %(object)s from the team"),
        fields=role,
    )
    register_action(
        "member.joined", group="membership", summary=_("%(actor)s joined the team"), fields=role
    )
    member_fields = fields_of(Membership, ["role", "party"])
    register_action(
        "member.added",
        group="membership",
        summary=_("%(actor)s added %(object)s to the team"),
        fields=member_fields,
    )
    register_action(
        "member.party_changed",
        group="membership",
        summary=_("%(actor)s changed the party of %(object)s"),
        fields=member_fields,
    )
    register_group("invitation", _("Invitations"))
    register_action(
        "invitation.sent",
        group="invitation",
        summary=_("%(actor)s invited %(object)s"),
        fields=fields_of(Invitation, ["email", "role", "party"]),
    )
    register_action(
        "invitation.resent",
        group="invitation",
        summary=_("%(actor)s sent the invitation to %(object)s again"),
    )
    register_action(
        "invitation.revoked",
        group="invitation",
        summary=_("%(actor)s withdrew the invitation to %(object)s"),
    )


def _register_progress_actions() -> None:
    register_group("progress", _("Progress per step"))
    register_action(
        "progress.changed",
        group="progress",
        summary=_("%(actor)s changed the progress of step %(object)s"),
        fields=fields_of(StepProgress, ["status", "reason", "owner", "target_date", "note"]),
    )
