from wijkkoers.exports.models import Placeholder


def placeholders_of(project) -> list[Placeholder]:
    """Members of an imported project who have no account here (names only), with party."""
    return list(Placeholder.objects.filter(project=project).select_related("party"))
