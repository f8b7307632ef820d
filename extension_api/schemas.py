"""The API's request and response shapes (marshmallow), from which `openapi.json` is generated.

Responses are built by `models.views.application_json` (one shape for CLI and API); the output
schemas here describe that shape for the documentation and for schema checks.
"""
from __future__ import annotations

from apiflask import Schema
from apiflask.fields import Date, DateTime, Integer, List, Nested, String
from apiflask.validators import Length, OneOf, Regexp
from marshmallow import ValidationError, validates_schema

from models.labels import KEY_DATE_KINDS, LABELS
from models.message import USER_EVENT_KINDS
from models.policy import ACTIONS

# --- requests ---------------------------------------------------------------------------------


class LabelIn(Schema):
    """A correction: `{"label": "rejection", "key_date": "2025-10-24"}`."""

    label = String(required=True, validate=OneOf(LABELS, error="unknown label {input!r}: use one of {choices}"),
                   metadata={"description": "one of the eleven labels of LABELS.md"})
    key_date = Date(allow_none=True, metadata={
        "description": "YYYY-MM-DD; null clears it; left out, the message keeps its key date when the new "
                       "label carries one"})


class EventIn(Schema):
    """Something the user tells: `{"kind": "they_said", "text": "end of next week"}`."""

    kind = String(required=True, validate=OneOf(USER_EVENT_KINDS, error="unknown event {input!r}: use one of {choices}"))
    at = DateTime(metadata={"description": "when it happened (ISO 8601; without an offset, in the user's time "
                                           "zone); default: now. For interview_done, when the interview started"})
    text = String(validate=[Length(min=1, max=2000), Regexp(r"^\s*\S", error="say what they said, in words")],
                  metadata={"description": "they_said: what they said"})
    date = Date(allow_none=True, metadata={"description": "they_said: the date it means, if you know it better "
                                                          "than the resolver"})
    until = Date(metadata={"description": "snooze: no reminder before this date"})

    @validates_schema
    def needs_what_the_kind_needs(self, data, **kwargs):
        kind = data.get("kind")
        if kind == "they_said" and not (data.get("text") or "").strip():
            raise ValidationError("they_said needs the text of what they said, e.g. \"end of next week\"", "text")
        if kind == "snooze" and not data.get("until"):
            raise ValidationError("snooze needs `until`, the date (YYYY-MM-DD) before which to stay quiet", "until")


# What `needs_what_the_kind_needs` checks, as JSON Schema for openapi.json (OpenAPI 3.1).
EVENT_RULES = [
    {"if": {"properties": {"kind": {"const": "they_said"}}, "required": ["kind"]},
     "then": {"required": ["text"]}},
    {"if": {"properties": {"kind": {"const": "snooze"}}, "required": ["kind"]},
     "then": {"required": ["until"], "properties": {"until": {"type": "string", "format": "date"}}}},
]


class LookupQuery(Schema):
    message_id = String(required=True, validate=Length(min=1, max=998),
                        metadata={"description": "RFC 5322 Message-ID, with or without <>"})


class TrackIn(Schema):
    """No fields: the message is named in the path."""


# --- responses --------------------------------------------------------------------------------


class DraftOut(Schema):
    subject = String()
    body = String()


class NextStepOut(Schema):
    action = String(metadata={"enum": list(ACTIONS)})
    checkin = Integer(allow_none=True, metadata={"description": "the row (1-6) of CHECKINS.md that gave the step"})
    due = Date(allow_none=True)
    reason = String()
    evidence = String(allow_none=True)
    draft = Nested(DraftOut, allow_none=True)


class RecruiterOut(Schema):
    name = String(allow_none=True)
    email = String(allow_none=True)


class MessageOut(Schema):
    id = Integer()
    message_id = String(allow_none=True)
    direction = String(metadata={"enum": ["in", "out"]})
    date = DateTime()
    subject = String()
    label = String(allow_none=True, metadata={"enum": [*LABELS, None]})
    key_date = Date(allow_none=True)
    key_date_kind = String(allow_none=True, metadata={"enum": [*KEY_DATE_KINDS, None]})
    evidence = String(allow_none=True)
    label_source = String(metadata={"description": "reader | user | correction"})


class EventOut(Schema):
    id = Integer()
    kind = String(metadata={"enum": list(USER_EVENT_KINDS)})
    at = DateTime()
    text = String(allow_none=True)
    date = Date(allow_none=True)


class _ApplicationBase(Schema):
    id = Integer()
    company = String(allow_none=True)
    role = String(allow_none=True)
    state = String()
    next_step = Nested(NextStepOut)
    signals = List(String())
    gmail_thread_id = String(allow_none=True, metadata={"description": "Gmail's thread id in hex, as its page "
                                                                       "writes it (data-legacy-thread-id)"})
    recruiter = Nested(RecruiterOut)


class ApplicationOut(_ApplicationBase):
    """One application with its timeline."""

    messages = List(Nested(MessageOut))
    events = List(Nested(EventOut))


class ApplicationSummaryOut(_ApplicationBase):
    messages = Integer(metadata={"description": "how many messages the application holds"})


class ApplicationListOut(Schema):
    applications = List(Nested(ApplicationSummaryOut))


class HealthOut(Schema):
    status = String(metadata={"enum": ["ok"]})
    version = String()


__all__ = ["LabelIn", "EventIn", "LookupQuery", "TrackIn", "ApplicationOut", "ApplicationListOut", "HealthOut"]
