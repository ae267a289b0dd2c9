"""The published works ScalpZone cites, each with a key, in the order Help › References numbers them.

Every entry was looked up before it was added (docs/references.md says how). A rule or a care-guide
point cites an entry by its key, with the claim the work supports; the app shows the entry's
number, and Help › References, the care guide and the printed plan list the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Reference:
    """One published work: who, when, what, where, and a DOI or a stable web address."""

    key: str
    authors: str
    year: int | None
    title: str
    published: str
    doi: str = ""
    url: str = ""
    #: How the app names it beside its number when the first author's name would not do.
    label: str = ""

    @property
    def link(self) -> str:
        """Where a person can open it: the DOI resolver, or the stable address."""
        return f"https://doi.org/{self.doi}" if self.doi else self.url

    @property
    def short(self) -> str:
        """ "Dhurat et al. 2013": how a rule names the work next to its number."""
        first = self.authors.split(",", 1)[0].split(" ", 1)[0]
        name = self.label or (f"{first} et al." if "," in self.authors else first)
        return f"{name} {self.year}" if self.year else name

    @property
    def citation(self) -> str:
        """The full entry as Help › References and the care guide list it."""
        where = f"doi:{self.doi}" if self.doi else self.url
        return f"{self.byline} {self.title}. {self.published}. {where}"

    @property
    def byline(self) -> str:
        """ "Kumar MK, Inamadar AC, Palit A. 2018." (no doubled full stop after "et al.")."""
        authors = self.authors if self.authors.endswith(".") else f"{self.authors}."
        return f"{authors} {self.year}." if self.year else authors


REFERENCES: tuple[Reference, ...] = (
    Reference(
        "dhurat2013",
        "Dhurat R, Sukesh MS, Avhad G, Dandale A, Pal A, Pund P",
        2013,
        "A randomized evaluator blinded study of effect of microneedling in androgenetic "
        "alopecia: a pilot study",
        "Int J Trichology 2013;5(1):6–11",
        doi="10.4103/0974-7753.114700",
    ),
    Reference(
        "kumar2018",
        "Kumar MK, Inamadar AC, Palit A",
        2018,
        "A randomized controlled, single-observer blinded study to determine the efficacy of "
        "topical minoxidil plus microneedling versus topical minoxidil alone in the treatment of "
        "androgenetic alopecia",
        "J Cutan Aesthet Surg 2018;11(4):211–216",
        doi="10.4103/JCAS.JCAS_130_17",
    ),
    Reference(
        "liang2022",
        "Liang X, Chang Y, Wu H, et al.",
        2022,
        "Efficacy and safety of 5 % minoxidil alone, minoxidil plus oral spironolactone, and "
        "minoxidil plus microneedling on female pattern hair loss: a prospective, single-center, "
        "parallel-group, evaluator blinded, randomized trial",
        "Front Med 2022;9:905140",
        doi="10.3389/fmed.2022.905140",
    ),
    Reference(
        "english2022",
        "English RS Jr, Ruiz S, DoAmaral P",
        2022,
        "Microneedling and its use in hair loss disorders: a systematic review",
        "Dermatol Ther (Heidelb) 2022;12(1):41–60",
        doi="10.1007/s13555-021-00653-2",
    ),
    Reference(
        "xu2024",
        "Xu C, Duan X, Yin Q, Liu K",
        2024,
        "Effect of microneedle on hair regrowth in patients with androgenetic alopecia: a "
        "systematic review and meta-analysis of randomized controlled trials",
        "Chinese Medicine and Natural Products 2024;4(1):e8–e17",
        doi="10.1055/s-0044-1782181",
    ),
    Reference(
        "olsen2004",
        "Olsen EA, Hordinsky MK, Price VH, et al.",
        2004,
        "Alopecia areata investigational assessment guidelines – Part II",
        "J Am Acad Dermatol 2004;51(3):440–447",
        url="https://pubmed.ncbi.nlm.nih.gov/?term=Alopecia+areata+investigational+assessment"
        "+guidelines+Part+II+Olsen+2004",
    ),
    Reference(
        "norwood1975",
        "Norwood OT",
        1975,
        "Male pattern baldness: classification and incidence",
        "South Med J 1975;68(11):1359–1365",
        doi="10.1097/00007611-197511000-00009",
    ),
    Reference(
        "ludwig1977",
        "Ludwig E",
        1977,
        "Classification of the types of androgenetic alopecia (common baldness) occurring in "
        "the female sex",
        "Br J Dermatol 1977;97(3):247–254",
        url="https://pubmed.ncbi.nlm.nih.gov/?term=Classification+of+the+types+of+androgenetic"
        "+alopecia+occurring+in+the+female+sex+Ludwig+1977",
    ),
    Reference(
        "cdc2008",
        "Rutala WA, Weber DJ, Healthcare Infection Control Practices Advisory Committee",
        2008,
        "Guideline for disinfection and sterilization in healthcare facilities, 2008 "
        "(updated May 2019)",
        "US Centers for Disease Control and Prevention",
        url="https://www.cdc.gov/infectioncontrol/guidelines/disinfection/",
        label="CDC",
    ),
    Reference(
        "fda_consumer",
        "US Food and Drug Administration",
        None,
        "Microneedling devices: getting to the point on benefits, risks and safety",
        "FDA consumer update (web page)",
        url="https://www.fda.gov/consumers/consumer-updates/"
        "microneedling-devices-getting-point-benefits-risks-and-safety",
        label="US FDA",
    ),
    Reference(
        "aad2018",
        "American Academy of Dermatology",
        2018,
        "Microneedling: experienced hands can improve the face",
        "AAD news release, 16 February 2018",
        url="https://www.aad.org/news/microneedling",
        label="AAD",
    ),
)

REFERENCES_BY_KEY: dict[str, Reference] = {ref.key: ref for ref in REFERENCES}


def number(key: str) -> int:
    """The reference's number in Help › References (1-based)."""
    return REFERENCES.index(REFERENCES_BY_KEY[key]) + 1


@dataclass(frozen=True, slots=True)
class Citation:
    """A reference, by key, and the specific thing it says that a rule or a point rests on."""

    key: str
    claim: str

    @property
    def reference(self) -> Reference:
        """The cited work."""
        return REFERENCES_BY_KEY[self.key]

    @property
    def text(self) -> str:
        """ "[1] Dhurat et al. 2013: rolled 1.5 mm once a week for 12 weeks"."""
        return f"[{number(self.key)}] {self.reference.short}: {self.claim}"
