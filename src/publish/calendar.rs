//! The deadline calendar (iCalendar, RFC 5545).
