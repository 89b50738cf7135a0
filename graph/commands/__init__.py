"""Commands beyond build/query/actors, one module per topic; each adds itself to ``graph.cli.app``.

Importing this package registers them. Each command stays thin and calls one library function.
"""

import importlib
import pkgutil


def _register() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        importlib.import_module(f"{__name__}.{info.name}")


_register()
