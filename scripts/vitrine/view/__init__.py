"""What templates read: the model seen in one language (``View``), and the item views it hands out."""

from vitrine.view.core import (
    ArgumentView,
    ContactView,
    DestinationView,
    EventView,
    MediaView,
    OrganisationView,
    PartnershipView,
    ProjectView,
    SectorView,
    Shown,
    View,
)
from vitrine.view.figures import FigureView

__all__ = [
    "ArgumentView",
    "ContactView",
    "DestinationView",
    "EventView",
    "FigureView",
    "MediaView",
    "OrganisationView",
    "PartnershipView",
    "ProjectView",
    "SectorView",
    "Shown",
    "View",
]
