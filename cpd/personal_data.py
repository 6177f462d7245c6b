"""What the CPD record holds about a person, and how it forgets them (see cms.privacy)."""

from cpd.models import CPDEntry


def export_for(user):
    return {
        "cpd_entries": [
            {"type": e.get_kind_display(), "title": e.title, "date": e.date.isoformat(),
             "hours": str(e.hours), "what_learnt": e.what_learnt,
             "impact_on_practice": e.impact_on_practice,
             "impact_on_people": e.impact_on_people, "peer_name": e.peer_name,
             "peer_role": e.peer_role,
             "peer_discussed_on": e.peer_discussed_on.isoformat() if e.peer_discussed_on
             else None,
             "peer_reflection": e.peer_reflection, "still_to_write": e.to_write,
             "standards": e.standards}
            for e in CPDEntry.objects.filter(user=user)
        ],
    }


def erase_for(user):
    """The CPD record is what the person wrote about their own learning: it goes."""
    CPDEntry.objects.filter(user=user).delete()
