"""Being a good guest: Retry-After on 429/503, bot-wall detection."""
