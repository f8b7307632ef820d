"""The eleven labels of an inbound recruiter email, and the kinds of key date.

Definitions: LABELS.md. One label per inbound message; the user's own mail takes none.
"""

APPLICATION_RECEIVED = "application_received"
INTERVIEW_INVITE = "interview_invite"
ASSESSMENT = "assessment"
DECISION_TIMELINE = "decision_timeline"
CHECKIN_REQUEST = "checkin_request"
WILL_CONTACT_YOU = "will_contact_you"
STILL_DECIDING = "still_deciding"
REJECTION = "rejection"
OFFER = "offer"
RECRUITER_OUTREACH = "recruiter_outreach"
OTHER = "other"

LABELS = (
    APPLICATION_RECEIVED,
    INTERVIEW_INVITE,
    ASSESSMENT,
    DECISION_TIMELINE,
    CHECKIN_REQUEST,
    WILL_CONTACT_YOU,
    STILL_DECIDING,
    REJECTION,
    OFFER,
    RECRUITER_OUTREACH,
    OTHER,
)

KEY_DATE_KINDS = ("interview", "deadline", "hear_back", "checkin")

# The kind of key date each label carries (LABELS.md); labels absent here carry none.
KEY_DATE_KIND_OF = {
    INTERVIEW_INVITE: "interview",
    ASSESSMENT: "deadline",
    OFFER: "deadline",
    DECISION_TIMELINE: "hear_back",
    APPLICATION_RECEIVED: "hear_back",
    STILL_DECIDING: "hear_back",
    CHECKIN_REQUEST: "checkin",
}

# Labels that say something about an application (everything but `other`).
APPLICATION_LABELS = frozenset(LABELS) - {OTHER}


def check_label(label):
    """Return `label` if it is one of LABELS, else raise ValueError naming the allowed ones.

    >>> check_label("offer")
    'offer'
    """
    if label not in LABELS:
        raise ValueError(f"unknown label {label!r}: use one of {', '.join(LABELS)}")
    return label
