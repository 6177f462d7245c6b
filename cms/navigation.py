"""What the navigation offers each person. Public sections come from the page tree
(pages marked "show in menus"); personal links come from what the person's roles allow."""

from django.urls import NoReverseMatch, reverse

from cms import roles


def _link(label, url_name):
    try:
        return {"label": label, "url": reverse(url_name)}
    except NoReverseMatch:
        # The app that serves this link is not installed in this build.
        return None


def personal_links(user):
    if not user.is_authenticated:
        return []
    links = [
        _link("My learning", "courses:my_learning"),
        _link("CPD record", "courses:cpd"),
        _link("My bookings", "events:my_bookings"),
    ]
    if roles.is_team_manager(user) or roles.is_centre_staff(user):
        links.append(_link("Team training", "courses:team_matrix"))
    if roles.is_visiting_leader(user):
        links.append(_link("My development", "secondments:development"))
    if roles.is_visiting_leader(user) or roles.is_centre_staff(user):
        links.append(_link("Mentors", "secondments:mentor_directory"))
    if roles.is_mentor(user):
        links.append(_link("My mentoring", "secondments:mentor_dashboard"))
    links.append(_link("Profile", "profile"))
    if roles.can_access_admin(user):
        links.append({"label": "Admin", "url": "/admin/"})
    return [link for link in links if link]
