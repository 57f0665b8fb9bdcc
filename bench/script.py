"""What every bench script needs: the project root, Django set up, printing.

The scripts run as `python bench/<name>.py`, so this folder is on sys.path and
`import script` works as `import load` does.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django() -> None:
    """Make the project importable and configured, as manage.py would."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
    import django

    django.setup()


def out(text: str = "") -> None:
    """Print a line (the project's lint forbids print())."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
