"""Demo data for `make run`: the coordinator beside the trustee and facilitator
that accounts makes, and a small network of municipalities whose demo trustees
sit in bodies and have studied to different degrees, so that a completion
dashboard and a comparison between municipalities show something.

Everything is created or updated by a natural key (e-mail, code, body name),
so running it again creates no duplicates.
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction

from accounts.demo import (
    DEMO_PASSWORD,
    TRUSTEE,
    DemoUser,
    create_account_demo_users,
    create_demo_user,
)
from accounts.models import User
from municipalities.demo_progress import course_steps, give_progress
from municipalities.loader import load_municipalities
from municipalities.models import Body, Coordinator, Membership, Municipality

COORDINATOR = DemoUser(
    "coordinator@silta.example", "Kalle", "Kunnansihteeri", "coordinator"
)
DEMO_MUNICIPALITY = "091"  # Helsinki
# Espoo, Tampere and Vantaa: the next largest, so a comparison is fair.
PEER_MUNICIPALITIES = ("049", "837", "092")
DEMO_TRUSTEES = 15
PEER_TRUSTEES = 7

COUNCIL = "Valtuusto"
BODIES = (
    (COUNCIL, Body.Kind.COUNCIL),
    ("Kunnanhallitus", Body.Kind.BOARD),
    ("Sivistyslautakunta", Body.Kind.COMMITTEE),
    ("Tekninen lautakunta", Body.Kind.COMMITTEE),
    ("Tarkastuslautakunta", Body.Kind.AUDIT),
)
ROLES = (
    Membership.Role.MEMBER,
    Membership.Role.DEPUTY,
    Membership.Role.MEMBER,
    Membership.Role.CHAIR,
    Membership.Role.VICE_CHAIR,
)
FIRST_NAMES = (
    "Aino", "Eero", "Helmi", "Juha", "Kaisa", "Lauri", "Maija", "Niko", "Outi",
    "Pekka", "Riikka", "Sami", "Tuula", "Ville", "Elina", "Matti", "Sanna",
)  # fmt: skip
LAST_NAMES = (
    "Aaltonen", "Heikkinen", "Järvinen", "Korhonen", "Laine", "Mäkelä", "Nieminen",
    "Ojala", "Rantanen", "Salminen", "Tuominen", "Virtanen", "Lehtonen", "Koskinen",
)  # fmt: skip
# Each demo trustee's share of the course's steps done, in turn: some finished,
# some part-way, some not started.
PROGRESS = (1.0, 0.0, 0.5, 1.0, 0.2, 0.8, 0.0, 0.35, 1.0, 0.6, 0.1, 0.0, 0.9, 0.45)


@dataclass(frozen=True)
class DemoReport:
    logins: list[DemoUser]
    trustees: int
    municipalities: list[Municipality]
    with_progress: bool


def network_municipalities() -> list[Municipality]:
    """The demo and peer municipalities, loaded from the CSV if missing, in the
    network. Nothing else in the list changes."""
    codes = {DEMO_MUNICIPALITY, *PEER_MUNICIPALITIES}
    present = set(
        Municipality.objects.filter(code__in=codes).values_list("code", flat=True)
    )
    if missing := codes - present:
        load_municipalities(codes=missing)
    Municipality.objects.filter(code__in=codes).update(in_network=True)
    by_code = Municipality.objects.in_bulk(codes, field_name="code")
    return [by_code[code] for code in (DEMO_MUNICIPALITY, *PEER_MUNICIPALITIES)]


def demo_bodies(municipality: Municipality) -> dict[str, Body]:
    for name, kind in BODIES:
        Body.objects.update_or_create(
            municipality=municipality, name=name, defaults={"kind": kind}
        )
    return {b.name: b for b in Body.objects.filter(municipality=municipality)}


def demo_trustee(email: str, first_name: str, last_name: str, password: str) -> User:
    """A trustee who can log in with the demo password (hashed once per run)."""
    user, _ = User.objects.update_or_create(
        email=email,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "password": password,
        },
    )
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def seat(user: User, body: Body, role: str) -> None:
    Membership.objects.update_or_create(user=user, body=body, defaults={"role": role})


def populate(municipality: Municipality, count: int, *, offset: int, password: str):
    """`count` trustees of `municipality`: on the council or in another body, in
    various roles. Returns them with their index, which picks their progress."""
    bodies = demo_bodies(municipality)
    trustees = []
    for n in range(count):
        i = offset + n
        user = demo_trustee(
            f"demo-{municipality.code}-{n + 1:02}@silta.example",
            FIRST_NAMES[i % len(FIRST_NAMES)],
            LAST_NAMES[(i * 5) % len(LAST_NAMES)],
            password,
        )
        name, _kind = BODIES[n % len(BODIES)]
        seat(user, bodies[name], ROLES[n % len(ROLES)])
        if name != COUNCIL and n % 2:
            seat(user, bodies[COUNCIL], Membership.Role.MEMBER)
        trustees.append((i, user))
    return trustees


@transaction.atomic
def create_demo_users() -> DemoReport:
    """Create (or reset) every demo account and the demo network; safe to rerun."""
    logins = create_account_demo_users()
    home, *peers = network_municipalities()
    Coordinator.objects.get_or_create(
        user=create_demo_user(COORDINATOR), municipality=home
    )
    seat(
        User.objects.get(email=TRUSTEE.email),
        demo_bodies(home)[COUNCIL],
        Membership.Role.MEMBER,
    )
    password = make_password(DEMO_PASSWORD)
    trustees = populate(home, DEMO_TRUSTEES, offset=0, password=password)
    for k, peer in enumerate(peers, start=1):
        trustees += populate(peer, PEER_TRUSTEES, offset=3 * k, password=password)
    steps = course_steps()
    for i, user in trustees:
        if steps:
            give_progress(
                user=user,
                steps=steps,
                done=round(PROGRESS[i % len(PROGRESS)] * len(steps)),
                failed_next=i % 2 == 1,
            )
    return DemoReport(
        logins=[*logins, COORDINATOR],
        trustees=len(trustees),
        municipalities=[home, *peers],
        with_progress=bool(steps),
    )
