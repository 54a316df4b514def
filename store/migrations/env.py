"""Alembic environment of the store.

Programmatic use (:func:`store.db.open_store`) passes an open connection in
``config.attributes["connection"]`` — already inside a locked transaction, so two
processes opening a fresh database at once migrate it exactly once.  From the command
line (``alembic -c alembic.ini upgrade head``) the URL is ``PISHRAN_DATABASE_URL`` or
the default SQLite file.
"""

from __future__ import annotations

from alembic import context

from store.models import metadata


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=metadata,
                      compare_type=True, render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    if context.is_offline_mode():
        from core.settings import database_url

        context.configure(url=database_url(), target_metadata=metadata,
                          literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from store.db import create_store_engine

    engine = create_store_engine()
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


main()
