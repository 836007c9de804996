# ruff: noqa: S608 - every statement here is built from this module's constants only.
"""SQLite's full-text index of the logbook (FTS5), kept in step by the database itself.

One row per entry (rowid = the entry's id): its title, and in `body` the texts the search
reads beside it (the current decision or agreement text, a meeting's agenda and minutes, a
document's file name), the same texts PostgreSQL's search reads. Triggers on every table
those texts live in rebuild the entry's row, so services, bulk writes, imports and tests that
write through the models all keep it true without a line of Python. On PostgreSQL nothing
of this exists: its search uses the `dutch` configuration at query time.

Tokenizer `unicode61` with diacritics removed, so "categorieën" also finds "categorieen".
"""

TABLE = "logbook_entry_fts"

# Every entry's row of the index, built from the tables.
_FILL = f"""
INSERT INTO {TABLE} (rowid, title, body, project_id)
SELECT e.id, e.title,
       coalesce(dr.text, '') || ' ' || coalesce(ar.text, '') || ' ' || coalesce(m.agenda, '')
       || ' ' || coalesce(m.minutes, '') || ' ' || coalesce(doc.original_name, ''),
       e.project_id
FROM logbook_entry e
LEFT JOIN logbook_decision dd ON dd.entry_id = e.id
LEFT JOIN logbook_decisionrevision dr ON dr.id = dd.current_id
LEFT JOIN logbook_agreement ad ON ad.entry_id = e.id
LEFT JOIN logbook_agreementrevision ar ON ar.id = ad.current_id
LEFT JOIN logbook_meeting m ON m.entry_id = e.id
LEFT JOIN logbook_document doc ON doc.entry_id = e.id
"""


def _refresh(entry_id: str) -> str:
    """One entry's row rebuilt (none when the entry is gone)."""
    return f"DELETE FROM {TABLE} WHERE rowid = {entry_id}; {_FILL} WHERE e.id = {entry_id};"


# (trigger name, event, table, the entry's id in the changed row)
_TRIGGERS = [
    ("entry_ins", "AFTER INSERT", "logbook_entry", "NEW.id"),
    ("entry_title", "AFTER UPDATE OF title", "logbook_entry", "NEW.id"),
    ("decision_ins", "AFTER INSERT", "logbook_decision", "NEW.entry_id"),
    ("decision_upd", "AFTER UPDATE", "logbook_decision", "NEW.entry_id"),
    ("decision_del", "AFTER DELETE", "logbook_decision", "OLD.entry_id"),
    ("agreement_ins", "AFTER INSERT", "logbook_agreement", "NEW.entry_id"),
    ("agreement_upd", "AFTER UPDATE", "logbook_agreement", "NEW.entry_id"),
    ("agreement_del", "AFTER DELETE", "logbook_agreement", "OLD.entry_id"),
    ("meeting_ins", "AFTER INSERT", "logbook_meeting", "NEW.entry_id"),
    ("meeting_upd", "AFTER UPDATE", "logbook_meeting", "NEW.entry_id"),
    ("meeting_del", "AFTER DELETE", "logbook_meeting", "OLD.entry_id"),
    ("document_ins", "AFTER INSERT", "logbook_document", "NEW.entry_id"),
    ("document_upd", "AFTER UPDATE", "logbook_document", "NEW.entry_id"),
    ("document_del", "AFTER DELETE", "logbook_document", "OLD.entry_id"),
]


def create_sql() -> list[str]:
    """The statements that create the index and its triggers and fill it from the tables."""
    statements = [
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
        "title, body, project_id UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '3')",
        f"CREATE TRIGGER {TABLE}_entry_del AFTER DELETE ON logbook_entry BEGIN "
        f"DELETE FROM {TABLE} WHERE rowid = OLD.id; END",
    ]
    for name, event, table, entry_id in _TRIGGERS:
        statements.append(
            f"CREATE TRIGGER {TABLE}_{name} {event} ON {table} BEGIN {_refresh(entry_id)} END"
        )
    statements.append(_FILL)
    return statements


def drop_sql() -> list[str]:
    names = ["entry_del", *(name for name, *_ in _TRIGGERS)]
    return [f"DROP TRIGGER IF EXISTS {TABLE}_{name}" for name in names] + [
        f"DROP TABLE IF EXISTS {TABLE}"
    ]
