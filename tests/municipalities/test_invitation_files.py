"""Reading and checking invitation files: every bad file or row gets its message."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook

from municipalities.invitation_files import FileProblem, read_rows
from municipalities.invitations import check_rows
from municipalities.models import Invitation, Membership
from tests.municipalities.coordinator_helpers import body, municipality

pytestmark = pytest.mark.django_db

HEADER = ["sähköposti", "etunimi", "sukunimi", "toimielin", "rooli"]
GOOD = ["aino@example.fi", "Aino", "Äijälä", "Valtuusto", "jäsen"]


def csv_file(rows, *, delimiter=",", encoding="utf-8", name="kutsut.csv"):
    text = "\r\n".join(delimiter.join(row) for row in rows)
    return SimpleUploadedFile(name, text.encode(encoding))


def xlsx_file(rows, name="kutsut.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture(autouse=True)
def in_english():
    """Messages are compared in English here; Finnish and Swedish are checked last."""
    with translation.override("en"):
        yield


@pytest.fixture
def helsinki():
    home = municipality()
    body(home, "Valtuusto")
    body(home, "Sivistyslautakunta", kind="committee")
    return home


def problems(helsinki, upload):
    return [c.problems for c in check_rows(helsinki, read_rows(upload))]


def test_good_csv_and_xlsx_resolve_body_and_role(helsinki):
    for upload in (csv_file([HEADER, GOOD]), xlsx_file([HEADER, GOOD])):
        [candidate] = check_rows(helsinki, read_rows(upload))
        assert candidate.problems == []
        assert candidate.body.name == "Valtuusto"
        assert candidate.role == Membership.Role.MEMBER
        assert candidate.number == 2


def test_english_header_and_role_words_in_any_case(helsinki):
    rows = [
        ["E-mail", "First name", "Last name", "Body", "Role"],
        ["a@example.fi", "A", "A", "valtuusto", "Vice-Chair"],
        ["b@example.fi", "B", "B", "SIVISTYSLAUTAKUNTA", "deputy"],
        ["c@example.fi", "C", "C", "Valtuusto", "Varapuheenjohtaja"],
        ["d@example.fi", "D", "D", "Valtuusto", "chair"],
    ]
    candidates = check_rows(helsinki, read_rows(csv_file(rows)))
    assert [c.role for c in candidates] == [
        "vice_chair",
        "deputy",
        "vice_chair",
        "chair",
    ]
    assert all(not c.problems for c in candidates)


def test_semicolon_csv_in_windows_1252(helsinki):
    upload = csv_file([HEADER, GOOD], delimiter=";", encoding="cp1252")
    [row] = read_rows(upload)
    assert row.values["last_name"] == "Äijälä"
    assert row.values["role"] == "jäsen"


def test_utf8_with_bom(helsinki):
    upload = SimpleUploadedFile(
        "k.csv",
        b"\xef\xbb\xbf" + ",".join(HEADER).encode() + b"\n" + ",".join(GOOD).encode(),
    )
    assert read_rows(upload)[0].values["email"] == "aino@example.fi"


@pytest.mark.parametrize(
    "email, message",
    [
        ("", "Row 2 has no e-mail address."),
        ("aino@", "“aino@” is not an e-mail address"),
    ],
)
def test_missing_or_malformed_email(helsinki, email, message):
    [found] = problems(helsinki, csv_file([HEADER, [email, *GOOD[1:]]]))
    assert any(message in str(p) for p in found), found


def test_unknown_body_and_body_of_another_municipality(helsinki):
    body(municipality("049", "Espoo"), "Kaupunginhallitus", kind="board")
    rows = [HEADER, [*GOOD[:3], "Kaupunginhallitus", "jäsen"]]
    [found] = problems(helsinki, csv_file(rows))
    assert [str(p) for p in found] == [
        "Row 2: this municipality has no body called “Kaupunginhallitus”."
    ]


def test_unknown_role(helsinki):
    [found] = problems(helsinki, csv_file([HEADER, [*GOOD[:4], "kuningas"]]))
    assert "“kuningas” is not a role" in str(found[0])


def test_duplicate_rows_name_the_first(helsinki):
    rows = [HEADER, GOOD, [GOOD[0].upper(), *GOOD[1:]]]
    assert [[str(p) for p in f] for f in problems(helsinki, csv_file(rows))] == [
        [],
        ["Row 3 repeats row 2."],
    ]


def test_an_open_invitation_is_a_problem(helsinki, trustee):
    from municipalities.invitations import invite

    invite(
        municipality=helsinki,
        body=helsinki.bodies.get(name="Valtuusto"),
        role="member",
        email=GOOD[0],
        first_name="Aino",
        last_name="Äijälä",
        language="fi",
        by=None,
        site_url="http://testserver",
    )
    [found] = problems(helsinki, csv_file([HEADER, GOOD]))
    assert "already has an open invitation" in str(found[0])


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_formula_refused_by_row(helsinki, start):
    rows = [HEADER, GOOD, [*GOOD[:1], f"{start}HYPERLINK(1)", *GOOD[2:]]]
    found = problems(helsinki, csv_file(rows))
    assert found[0] == []
    assert [str(p) for p in found[1]] == [
        "Row 3 has a formula; Silta does not run formulas. "
        "Type the values as plain text."
    ]


def test_xlsx_formula_refused_by_row(helsinki):
    rows = [HEADER, [*GOOD[:3], "=A1", "jäsen"]]
    [found] = problems(helsinki, xlsx_file(rows))
    assert "Row 2 has a formula" in str(found[0])


def test_too_large_file_is_refused_before_reading():
    upload = SimpleUploadedFile("iso.csv", b"a" * (5 * 1024 * 1024))
    with pytest.raises(FileProblem) as problem:
        read_rows(upload)
    assert "at most 2 MB" in str(problem.value.message)


@pytest.mark.parametrize(
    "content, name",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "kuva.csv"),
        (b"PK\x03\x04 not really a zip", "kutsut.xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "vanha.xls"),
    ],
)
def test_not_a_spreadsheet(content, name):
    with pytest.raises(FileProblem) as problem:
        read_rows(SimpleUploadedFile(name, content))
    assert "not a spreadsheet" in str(problem.value.message)


def test_text_without_the_header_names_the_columns():
    with pytest.raises(FileProblem) as problem:
        read_rows(SimpleUploadedFile("muistio.txt", b"Hello\nworld\n"))
    assert "sähköposti, etunimi" in str(problem.value.message)


def test_header_only_and_empty_files():
    for content in (b"", b"  \n", ",".join(HEADER).encode()):
        with pytest.raises(FileProblem):
            read_rows(SimpleUploadedFile("k.csv", content))


def test_messages_are_in_the_users_language(helsinki):
    upload = SimpleUploadedFile("iso.csv", b"a" * (3 * 1024 * 1024))
    with pytest.raises(FileProblem) as problem:
        read_rows(upload)
    with translation.override("fi"):
        assert str(problem.value.message).startswith("Tiedosto on liian suuri")
    with translation.override("sv"):
        assert str(problem.value.message).startswith("Filen är för stor")
        rows = read_rows(csv_file([HEADER, [*GOOD[:4], "kung"]]))
        [candidate] = check_rows(helsinki, rows)
        assert "”kung” är inte en roll" in candidate.problems[0]


def test_reading_creates_nothing(helsinki):
    check_rows(helsinki, read_rows(csv_file([HEADER, GOOD])))
    assert not Invitation.objects.exists()
