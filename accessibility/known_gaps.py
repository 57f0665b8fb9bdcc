"""What in Silta is known not to meet WCAG 2.1 AA, and why: the one list.

The statement in every language renders this list, so a gap is added, changed
or removed here and nowhere else.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class KnownGap:
    # WCAG 2.1 success criteria, e.g. "1.3.1"; empty where not assessed one by one.
    criteria: str
    text: dict[str, str]  # language code → what is lacking, why, any alternative


KNOWN_GAPS = (
    KnownGap(
        criteria="1.3.1",
        text={
            "fi": (
                "Todistusten PDF-tiedostot eivät ole saavutettavia (tagattuja) "
                "PDF-tiedostoja, joten ruudunlukija voi lukea ne huonosti. Samat "
                "tiedot ovat saavutettavassa muodossa todistuksen "
                "tarkistussivulla ja Omat opinnot -sivulla."
            ),
            "sv": (
                "Intygens PDF-filer är inte tillgängliga (taggade) PDF-filer, så "
                "en skärmläsare kan läsa dem dåligt. Samma uppgifter finns i "
                "tillgänglig form på intygets kontrollsida och på sidan Mina "
                "studier."
            ),
            "en": (
                "The certificate PDF files are not tagged PDFs, so a screen "
                "reader may read them poorly. The same facts are available in "
                "accessible form on the certificate's verification page and on "
                "the My studies page."
            ),
        },
    ),
    KnownGap(
        criteria="",
        text={
            "fi": (
                "Sisällöntuottajien käyttämä ylläpitotyökalu (Wagtail-"
                "julkaisujärjestelmän hallintanäkymä) on kolmannen osapuolen "
                "ohjelmisto, eikä se ole kaikilta osin saavutettava. Sitä ei ole "
                "arvioitu kriteeri kriteeriltä. Se ei ole opiskelijoiden käytössä."
            ),
            "sv": (
                "Redaktörernas verktyg (administrationsvyn i "
                "publiceringssystemet Wagtail) är programvara från tredje part "
                "och är inte tillgängligt i alla delar. Det har inte bedömts "
                "kriterium för kriterium. De studerande använder det inte."
            ),
            "en": (
                "The editors' tool (the Wagtail content management system's "
                "admin) is third-party software and is not accessible in every "
                "part. It has not been assessed criterion by criterion. Learners "
                "do not use it."
            ),
        },
    ),
    KnownGap(
        criteria="1.1.1",
        text={
            "fi": (
                "Sisällöntuottajien lataamien kuvien ja asiakirjojen "
                "saavutettavuus riippuu siitä, miten ne on tehty ja onko kuville "
                "kirjoitettu tekstivastine. Järjestelmä pyytää tekstivastineen, "
                "mutta ei voi tarkistaa sen laatua."
            ),
            "sv": (
                "Tillgängligheten hos bilder och dokument som redaktörerna laddar "
                "upp beror på hur de har gjorts och om bilderna har fått en "
                "textbeskrivning. Systemet ber om en textbeskrivning men kan inte "
                "kontrollera dess kvalitet."
            ),
            "en": (
                "Images and documents uploaded by editors are only as accessible "
                "as they were made, and images depend on the text alternative the "
                "editor wrote. The system asks for one but cannot check its "
                "quality."
            ),
        },
    ),
)


def known_gaps(language: str) -> list[dict[str, str]]:
    """The gaps as the statement shows them in `language` (Finnish if missing)."""
    return [
        {"criteria": gap.criteria, "text": gap.text.get(language, gap.text["fi"])}
        for gap in KNOWN_GAPS
    ]


# When the statement was first prepared and when the list above was last
# checked against the service; update REVIEWED_ON at each review.
PREPARED_ON = date(2026, 12, 1)
REVIEWED_ON = date(2026, 12, 1)
