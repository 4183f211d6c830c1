"""schema.org `Claim` records (JSON-LD) for the article's claims, for sites that publish claims.

One graph: the article as a `NewsArticle` (headline, publisher, dateline, date), each actor
who makes a claim or is its subject (a `Person` or an `Organization` of the nearest schema.org
type), and one `Claim` per claim: its words as printed (`text`), its plain-words summary
(`name`), who makes it (`author`: the last link of its attribution), where it appears
(`appearance`: the article), when (`datePublished`: the article's date, the only one the
package has for it) and whom it is about (`about`). schema.org has no property for how sure a
claim is or through whom it was reported: `description` says both in words.
"""

from __future__ import annotations

from ..package.model import Actor, Claim, Package
from ..package.vocabulary import ACTOR_TYPE
from . import wording
from .format import Count, Format
from .notes import article_iri, note_iri

CONTEXT = "https://schema.org"
TYPE = {
    "person": "Person",
    "government_body": "GovernmentOrganization",
    "organisation": "Organization",
    "political_party": "Organization",
    "media": "NewsMediaOrganization",
    "anonymous_source": "Person",  # people the article does not name
}


def graph(package: Package) -> dict:
    article = package.article
    used = {a for c in package.claims for a in (c.asserted_by, *c.about)}
    news = {
        "@id": article_iri(article),
        "@type": "NewsArticle",
        "headline": article.headline,
        "dateline": article.dateline,
        "datePublished": article.published.isoformat(),
        "publisher": {"@type": "NewsMediaOrganization", "name": article.publisher},
    }
    if article.wire_source:
        news["creditText"] = article.wire_source
    actors = [_actor(package, actor) for actor in package.actors if actor.id in used]
    claims = [_claim(package, claim) for claim in package.claims]
    return {"@context": CONTEXT, "@graph": [news, *actors, *claims]}


def _id(package: Package, kind: str, record: str) -> str:
    return note_iri(package.article, f"schema.org/{kind}/{record}")


def _actor(package: Package, actor: Actor) -> dict:
    node = {"@id": _id(package, "actor", actor.id), "@type": TYPE[actor.type], "name": actor.name}
    if actor.role and TYPE[actor.type] == "Person":
        node["jobTitle"] = actor.role
    node["description"] = ACTOR_TYPE[actor.type] + (f": {actor.role}" if actor.role else "")
    return node


def _claim(package: Package, claim: Claim) -> dict:
    return {
        "@id": _id(package, "claim", claim.id),
        "@type": "Claim",
        "identifier": claim.id,
        "name": claim.summary,
        "text": claim.quote,
        "description": wording.claim_comment(package, claim),
        "author": {"@id": _id(package, "actor", claim.asserted_by)},
        "appearance": {"@id": article_iri(package.article)},
        "datePublished": package.article.published.isoformat(),
        "about": [{"@id": _id(package, "actor", actor)} for actor in claim.about],
    }


def count(package: Package, document: dict) -> list[Count]:
    nodes = document.get("@graph", [])
    written = {node.get("identifier") for node in nodes if node.get("@type") == "Claim"}
    return [
        Count("claims", len(package.claims), sum(c.id in written for c in package.claims)),
        Count(
            "events",
            len(package.events),
            0,
            "a schema.org Claim has no place for them: see the timelinejs or annotation exports",
        ),
    ]


FORMAT = Format("schema-org", "schema.org Claim records", "jsonld", graph, count)
