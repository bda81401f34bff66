"""The schema.org types the site's JSON-LD uses, as typed records that forbid any other key.

The classes follow schema.org's own hierarchy (Thing › Place › LandmarksOrHistoricalBuildings,
Thing › CreativeWork › BlogPosting…) and each declares only properties schema.org gives that
type or a supertype: a property on the wrong type (`citation` on a Place, `inLanguage` on a
Person) cannot be written, it fails here when the page is built. tests/test_valid_jsonld.py
checks every field of every class below against schema.org's vocabulary, and every block of
every built page again with outside tools.
"""

from __future__ import annotations

from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

CONTEXT = "https://schema.org"


class Node(BaseModel):
    """A schema.org node: its `@type` and the properties its class declares, nothing else.

    A class's `type` may name subtypes that add no property used here (Festival for Event):
    a supertype's properties hold for its subtypes, never the other way round."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def jsonld(self, context: bool = True) -> dict[str, Any]:
        """The node as JSON-LD (only the properties given), with `@context` at the top."""
        data = self.model_dump(by_alias=True, exclude_none=True, mode="json", serialize_as_any=True)
        return {"@context": CONTEXT, **data} if context else data


def _type(name: str) -> Any:
    return Field(default=name, alias="@type")


# --- Thing and small values ---------------------------------------------------------------


class Thing(Node):
    type: Literal["Thing"] = _type("Thing")
    name: str | None = None
    description: str | None = None
    disambiguatingDescription: str | None = None
    url: str | None = None
    image: str | None = None
    sameAs: list[str] | None = None
    subjectOf: list["CreativeWork"] | None = None  # sources about the thing


class ImageObject(Node):
    type: Literal["ImageObject"] = _type("ImageObject")
    url: str


class PostalAddress(Node):
    type: Literal["PostalAddress"] = _type("PostalAddress")
    streetAddress: str | None = None
    addressRegion: str | None = None
    addressCountry: str | None = None


class GeoCoordinates(Node):
    type: Literal["GeoCoordinates"] = _type("GeoCoordinates")
    latitude: float
    longitude: float


class GeoShape(Node):
    type: Literal["GeoShape"] = _type("GeoShape")
    box: str  # "south west north east"


class OpeningHoursSpecification(Node):
    type: Literal["OpeningHoursSpecification"] = _type("OpeningHoursSpecification")
    dayOfWeek: list[str]
    opens: str
    closes: str


# --- organisations and people -------------------------------------------------------------


class Organization(Thing):
    type: Literal["Organization", "GovernmentOrganization"] = _type("Organization")
    logo: ImageObject | None = None


class Person(Thing):
    type: Literal["Person"] = _type("Person")
    jobTitle: str | None = None
    award: str | None = None


# --- places ---------------------------------------------------------------------------------


class Place(Thing):
    type: Literal["Place", "LandmarksOrHistoricalBuildings"] = _type("Place")
    address: PostalAddress | None = None
    geo: GeoCoordinates | GeoShape | None = None
    openingHoursSpecification: list[OpeningHoursSpecification] | None = None
    isAccessibleForFree: bool | None = None
    telephone: str | None = None
    publicAccess: bool | None = None


class TouristAttraction(Place):
    type: Literal["TouristAttraction"] = _type("TouristAttraction")
    touristType: list[str] | None = None


class TouristDestination(Place):
    """The ward as a place to visit (the plan-your-trip page), with the attractions it includes."""

    type: Literal["TouristDestination"] = _type("TouristDestination")
    touristType: list[str] | None = None
    includesAttraction: list[TouristAttraction] | None = None


# --- events ---------------------------------------------------------------------------------


class Schedule(Node):
    """A repeating time: every week on these days (schema.org cannot say a lunar day)."""

    type: Literal["Schedule"] = _type("Schedule")
    byDay: list[str] | None = None
    byMonthDay: list[int] | None = None
    byMonth: list[int] | None = None
    exceptDate: list[str] | None = None
    repeatFrequency: str | None = None
    startDate: str | None = None
    endDate: str | None = None
    startTime: str | None = None
    endTime: str | None = None
    scheduleTimezone: str | None = None


class Event(Thing):
    type: Literal["Event", "Festival"] = _type("Event")
    startDate: str
    endDate: str | None = None
    eventStatus: str | None = None
    eventAttendanceMode: str | None = None
    location: Place
    organizer: Organization | None = None
    inLanguage: str | None = None
    isAccessibleForFree: bool | None = None
    eventSchedule: list[Schedule] | None = None
    subEvent: list["Event"] | None = None


# --- creative works ---------------------------------------------------------------------------


class CreativeWork(Thing):
    type: Literal["CreativeWork", "MusicComposition", "ItemPage", "WebPage", "BlogPosting", "Dataset"] = _type("CreativeWork")
    inLanguage: str | list[str] | None = None
    genre: str | None = None
    headline: str | None = None
    datePublished: str | None = None
    dateModified: str | None = None
    author: Organization | Person | None = None
    publisher: Organization | None = None
    creator: Organization | Person | None = None
    license: str | None = None
    about: Thing | None = None
    mainEntityOfPage: str | None = None  # the page's URL
    spatialCoverage: Place | None = None
    isAccessibleForFree: bool | None = None


class WebPage(CreativeWork):
    type: Literal["WebPage", "ItemPage"] = _type("WebPage")


class DataDownload(Node):
    type: Literal["DataDownload"] = _type("DataDownload")
    encodingFormat: str
    contentUrl: str


class Dataset(CreativeWork):
    type: Literal["Dataset"] = _type("Dataset")
    distribution: list[DataDownload] = []


# --- lists, breadcrumbs, trips --------------------------------------------------------------


class ListItem(Node):
    type: Literal["ListItem"] = _type("ListItem")
    position: int
    name: str | None = None
    item: Union[str, Place, Event, Thing, None] = None


class ItemList(Node):
    type: Literal["ItemList", "BreadcrumbList"] = _type("ItemList")
    numberOfItems: int | None = None
    itemListOrder: str | None = None
    itemListElement: list[ListItem]


class TouristTrip(Thing):
    type: Literal["TouristTrip"] = _type("TouristTrip")
    touristType: list[str] | None = None
    provider: Organization | Person | None = None
    itinerary: ItemList | None = None


Thing.model_rebuild()
Event.model_rebuild()
