"""Helpers the sections share: writing many rows at once with their own timestamps."""

from django.db import models
from django.utils.translation import gettext as _

from wijkkoers.exports.errors import ImportRefused

BATCH = 500


def create_all(ctx, model: type[models.Model], objs: list, keep: tuple = ()) -> list:
    """Insert `objs` in their order (so their pks follow the document's order), then put
    back the timestamps in `keep` that auto_now / auto_now_add replaced on insert.

    Refuses (with every problem found so far) before writing anything that did not fit.
    """
    if ctx.problems:
        raise ImportRefused(ctx.problems)
    kept = [[getattr(obj, name) for name in keep] for obj in objs]
    model.objects.bulk_create(objs, batch_size=BATCH)
    if keep and objs:
        for obj, values in zip(objs, kept, strict=True):
            for name, value in zip(keep, values, strict=True):
                setattr(obj, name, value)
        model.objects.bulk_update(objs, list(keep), batch_size=BATCH)
    return objs


def ids(ctx, model, pks) -> list:
    return [ctx.ref(model, pk) for pk in pks]


def links_of(model: type[models.Model], name: str, **filters) -> dict:
    """A many-to-many field's rows as {owner pk: [target pk, ...]} in the order they were
    written (the through table's pk), with one query."""
    field = model._meta.get_field(name)
    through = field.remote_field.through
    source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    result: dict = {}
    for owner, other in (
        through.objects.filter(**filters).order_by("pk").values_list(source, target)
    ):
        result.setdefault(owner, []).append(other)
    return result


def link_rows(model: type[models.Model], name: str, pairs) -> None:
    """Write a many-to-many field's rows from (owner, target) object pairs, in order."""
    field = model._meta.get_field(name)
    through = field.remote_field.through
    source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    through.objects.bulk_create(
        [through(**{source: owner.pk, target: other.pk}) for owner, other in pairs],
        batch_size=BATCH,
    )


def fields_of(obj, names) -> dict:
    """The object's values of `names`, in that order (what a section writes)."""
    return {name: getattr(obj, name) for name in names}


def pick(item: dict, names) -> dict:
    """The document item's values of `names` that it has (what a section reads)."""
    return {name: item.get(name) for name in names if name in item}


def check_steps(ctx, where: str, keys) -> None:
    """A list of step keys, each in this installation's method."""
    if not isinstance(keys, list):
        ctx.problem(where, _("a list was expected."))
        return
    for key in keys:
        ctx.step(where, key)


def check_unique(ctx, where: str, values, text) -> None:
    """`values` (hashable) may not repeat; `text` says what must be unique."""
    seen = set()
    for value in values:
        if value in seen:
            ctx.problem(where, text)
            return
        seen.add(value)
