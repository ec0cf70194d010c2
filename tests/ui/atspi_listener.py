"""What a screen reader receives, for tests/ui/test_atspi.py: every object that gets the keyboard
focus through AT-SPI (as Orca hears it), one JSON line each.

Runs under the system's Python (/usr/bin/python3), where Debian's python3-pyatspi is; it prints
READY once it listens, then `FOCUS {json}` for each focus event of the application named on the
command line:

    /usr/bin/python3 tests/ui/atspi_listener.py adviesgesprek
"""

from __future__ import annotations

import json
import sys

import pyatspi


def state_names(accessible) -> list[str]:
    states = accessible.getState().getStates()
    return sorted(state.value_nick for state in states)


def labels(accessible) -> list[str]:
    """The names of the objects that label it (a combo box's name is its value; its label comes
    as a relation, and a screen reader says both)."""
    found = []
    for relation in accessible.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            found += [relation.getTarget(index).name for index in range(relation.getNTargets())]
    return found


def main() -> int:
    application = sys.argv[1].lower() if len(sys.argv) > 1 else ""

    def focused(event) -> None:
        if not event.detail1:
            return  # focus lost: the next object's gain follows
        source = event.source
        try:
            owner = source.getApplication().name.lower()
            if application and application not in owner:
                return
            line = {
                "name": source.name,
                "labels": labels(source),
                "role": source.getRoleName(),
                "description": source.description,
                "path": source.path,
                "id": source.get_accessible_id() or "",
                "states": state_names(source),
            }
        except Exception as error:  # noqa: BLE001 - an object gone meanwhile: say so
            line = {"name": "", "role": "", "id": "", "path": "", "error": repr(error)}
        print("FOCUS " + json.dumps(line, ensure_ascii=False), flush=True)

    pyatspi.Registry.registerEventListener(focused, "object:state-changed:focused")
    print("READY", flush=True)
    pyatspi.Registry.start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
