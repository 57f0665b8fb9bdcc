"""GIFT parsing, writing, round trips and malformed input."""

from decimal import Decimal
from pathlib import Path

import pytest

from quizzes import gift_syntax
from quizzes.bank_sync import import_into_category, question_data
from quizzes.gift import parse_gift, split_entries, write_gift
from quizzes.interchange import FatalImportError, same_question
from quizzes.models import Question, QuestionCategory
from tests.factories.quizzes import QuestionCategoryFactory, QuestionFactory

EVERY_TYPE = (Path(__file__).parent / "data" / "every_type.gift").read_text()


pytestmark = pytest.mark.usefixtures("messages_in_english")


def test_every_type_parses():
    result = parse_gift(EVERY_TYPE)
    assert not result.problems
    kinds = [q.type for q in result.questions]
    assert kinds == [
        "single",
        "multiple",
        "true_false",
        "short_answer",
        "numerical",
        "numerical",
        "matching",
        "essay",
        "description",
        "single",
    ]
    single, multiple, truth, _short, number, span, pair, *_rest = result.questions
    assert [c.fraction for c in single.choices] == [1, 0, Decimal("0.5")]
    assert single.choices[0].feedback == "<p>Oikein.</p>"
    assert multiple.general_feedback == "<p>Yleinen palaute</p>"
    assert [c.fraction for c in multiple.choices] == [
        Decimal("0.5"),
        Decimal("0.5"),
        Decimal("-1"),
    ]
    assert truth.choices[0].text == "true"
    assert truth.choices[0].feedback == "<p>Oikein</p>"
    assert (number.choices[0].text, number.choices[0].tolerance) == ("14", 1)
    assert (span.choices[0].text, span.choices[0].tolerance) == ("15", 5)
    assert pair.choices[1].match_text == "Valmistelee"
    assert "{ aaltosulkeet }" in result.questions[-1].text


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("::Auki::Kysymys {=a ~b", "closing brace"),
        ("::Outo::Kysymys {?a ?b}", "must start with"),
        ("::Cloze::Pääkaupunki on {1:MULTICHOICE:=Helsinki~Turku}", "cloze"),
        ("::Paino::Kysymys {~%300%a ~b}", "between"),
        ("::Luku::Kysymys {#kaksi}", "not a number"),
        ("::Kaksi::Kysymys {=a} ja {=b}", "only one"),
    ],
)
def test_malformed_entries_are_reported_by_line_and_name(source, message):
    text = f"::Hyvä::Ok? {{T}}\n\n{source}\n\n::Toinen::Ok? {{F}}\n"
    result = parse_gift(text)
    assert [q.name for q in result.questions] == ["Hyvä", "Toinen"]
    [problem] = result.problems
    assert problem.position == "line 3"
    assert message in problem.message
    assert problem.name in source


def test_truncated_file_imports_the_complete_entries():
    text = EVERY_TYPE[: EVERY_TYPE.index("::Pari::") + 25]
    result = parse_gift(text)
    assert len(result.questions) == 6
    assert len(result.problems) == 1


def test_ten_megabyte_file_is_refused():
    big = "::Iso::Kysymys {T}\n\n" * (10 * 1024 * 1024 // 20)
    with pytest.raises(FatalImportError, match="too large"):
        parse_gift(big)


def test_imported_html_is_sanitised():
    source = (
        '::X::[html]<p onclick="x">Teksti<script>alert(1)</script>'
        '<a href="javascript:alert(1)">linkki</a><svg></svg></p>'
        "{=<b>oikein</b>#<img src\\=x onerror\\=alert(1)>palaute ~väärin}"
    )
    [question] = parse_gift(source).questions
    for bad in ("onclick", "<script", "javascript:", "<svg", "onerror", "<img"):
        assert bad not in question.text + question.choices[0].feedback
    assert question.choices[0].text == "oikein"


@pytest.mark.django_db
def test_export_then_import_gives_the_same_questions():
    category = QuestionCategoryFactory(name="Lähde")
    kinds = list(Question.Type)
    originals = [
        QuestionFactory(
            category=category,
            type=kind,
            name=f"{kind}: ä/ö/å {{#}}",
            text="<p>Mitä = tarkoittaa: ~ ja # ja {x}?</p>",
        )
        for kind in kinds
    ]
    data = [question_data(q) for q in originals]
    text, problems = write_gift(data, category="Lähde")
    assert not problems
    result = parse_gift(text)
    assert not result.problems
    assert len(result.questions) == len(data)
    for before, after in zip(data, result.questions, strict=True):
        if before.type == "description":
            before.general_feedback = ""
        assert same_question(before, after), before.name
    report = import_into_category(result, category_name="Kohde")
    assert len(report.created) == len(data)
    again = import_into_category(parse_gift(text), category_name="Kohde")
    assert len(again.unchanged) == len(data)
    assert Question.objects.filter(category__name="Kohde").count() == len(data)


def test_ordering_reads_its_items_in_the_right_order():
    source = (
        "::Kokous::Järjestä vaiheet. {>\n=Avaus\n=Laillisuus \\: todetaan\n"
        "=Asiat\n####Näin kokous etenee.\n}"
    )
    [question] = parse_gift(source).questions
    assert question.type == "ordering"
    assert [c.text for c in question.choices] == [
        "Avaus",
        "Laillisuus : todetaan",
        "Asiat",
    ]
    assert question.general_feedback == "<p>Näin kokous etenee.</p>"


@pytest.mark.parametrize("block", ["{>\n=Ainoa\n}", "{>\n=Yksi\n~Toinen\n}", "{>}"])
def test_an_ordering_needs_two_right_items(block):
    result = parse_gift("::Järjestys::Järjestä. " + block)
    assert not result.questions
    assert len(result.problems) == 1


class CountingLines:
    """A one-pass source of lines that counts how many have been read."""

    def __init__(self, lines):
        self._lines = iter(lines)
        self.read = 0

    def __iter__(self):
        return self

    def __next__(self):
        line = next(self._lines)
        self.read += 1
        return line


def test_entries_are_split_in_one_pass_reading_each_line_once():
    # Looking ahead by copying the rest of the file for every line made
    # 160 000 lines take 45 s. A one-pass iterator cannot be sliced or re-read,
    # and an entry must come out as soon as the line after it has been seen.
    entry = ["::Q::Kysymys {", "=a", "~b", "}", ""]
    lines = CountingLines(entry * 20_000)
    entries = split_entries(lines)
    first = next(entries)
    assert first == (1, "::Q::Kysymys {\n=a\n~b\n}")
    assert lines.read == 5
    rest = list(entries)
    assert len(rest) == 19_999
    assert rest[-1][0] == 99_996
    assert lines.read == 100_000


def test_blank_lines_in_an_unclosed_brace_are_held_only_until_the_next_line():
    lines = CountingLines(["::A::Auki {=a", "", "", "", "jatkuu ~b}", "", "::B::x {T}"])
    entries = split_entries(lines)
    assert next(entries) == (1, "::A::Auki {=a\n\n\n\njatkuu ~b}")
    assert lines.read == 6
    assert list(entries) == [(7, "::B::x {T}")]
    lines = CountingLines(["::A::Auki {=a", "", "::B::x {T}"])
    assert list(split_entries(lines)) == [(1, "::A::Auki {=a"), (3, "::B::x {T}")]


def test_scanning_an_entry_reads_each_character_a_bounded_number_of_times(
    monkeypatch,
):
    # Searches for unescaped characters go through compiled patterns; count the
    # characters they are asked to scan, for a file and one twice its size.
    scanned = []
    real = gift_syntax._unescaped

    class Spy:
        def __init__(self, pattern):
            self.pattern = pattern

        def finditer(self, text, start=0):
            scanned.append(len(text) - start)
            return self.pattern.finditer(text, start)

    monkeypatch.setattr(gift_syntax, "_unescaped", lambda *a, **k: Spy(real(*a, **k)))

    def work(answers: int) -> int:
        scanned.clear()
        body = " ".join(f"~v\\{{{n}\\}}#p\\#{n}" for n in range(answers))
        [question] = parse_gift(f"::Q::Kysymys? {{=oikein {body}}}").questions
        assert len(question.choices) == answers + 1
        return sum(scanned)

    small, large = work(500), work(1000)
    assert large < 2.2 * small


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("#1e999999999", "“1e999999999” is too large a number."),
        ("#-1e999999999..1", "“-1e999999999” is too large a number."),
        ("#1:1e20", "“1e20” is too large a number."),
        ("#1:1000000", "The tolerance “1000000” must be between 0 and 999999.999999."),
        ("#1e-999999999", "has too many decimal places"),
        ("#NaN", "“NaN” is not a number"),
        ("~%99999999999999999999%a ~b", "is too large a number"),
        ("~%100.001%a ~b", "between -100% and 100%"),
        (f"={'x' * 10} -> {'y' * 501} =b -> c", "longer than 500 characters"),
    ],
)
def test_numbers_and_texts_out_of_range_are_reported(answer, message):
    text = f"::Hyvä::Ok? {{T}}\n\n::Iso::Kysymys {{{answer}}}\n"
    result = parse_gift(text)
    assert [q.name for q in result.questions] == ["Hyvä"]
    [problem] = result.problems
    assert (problem.position, problem.name) == ("line 3", "Iso")
    assert message in problem.message


def test_numbers_are_read_by_the_shared_reader():
    [question] = parse_gift("::L::Paljonko? {#1 500,5:0,5 =%50%1e3}").questions
    assert [(c.text, c.tolerance, c.fraction) for c in question.choices] == [
        ("1500.5", Decimal("0.5"), 1),
        ("1000", 0, Decimal("0.5")),
    ]
    [weights] = parse_gift("::W::Valitse {~%33.333333%a ~%66.666667%b ~c}").questions
    assert [c.fraction for c in weights.choices] == [
        Decimal("0.33333"),
        Decimal("0.66667"),
        0,
    ]


def test_a_nul_character_refuses_the_whole_file():
    with pytest.raises(FatalImportError, match="NUL character .on line 3"):
        parse_gift("::A::Ok? {T}\n\n::B::Rik\x00ki {T}\n")


@pytest.mark.django_db
def test_a_file_without_questions_creates_no_category():
    result = parse_gift("// vain kommentti\n\n::Rikki::{=a\n")
    assert not result.questions
    report = import_into_category(result, category_name="Tyhjä")
    assert report.created == []
    assert not QuestionCategory.objects.filter(name="Tyhjä").exists()
