"""News outlets and agencies, and the words that make an unknown name one."""

from __future__ import annotations

# News outlets and agencies: canonical name -> other spellings.
MEDIA: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters news agency", "Thomson Reuters"),
    "Associated Press": ("AP", "The Associated Press", "AP news agency"),
    "AFP": ("Agence France-Presse", "Agence France Presse", "AFP news agency"),
    "Al Jazeera": ("Al-Jazeera", "Aljazeera"),
    "Al Arabiya": ("Al-Arabiya",),
    "Al Mayadeen": ("Al-Mayadeen",),
    "Al-Manar": ("Al Manar",),
    "BBC": ("BBC News", "British Broadcasting Corporation"),
    "CNN": (),
    "Fox News": (),
    "NBC News": ("NBC",),
    "CBS News": ("CBS",),
    "ABC News": (),
    "NPR": ("National Public Radio",),
    "The New York Times": ("New York Times", "NYT"),
    "The Washington Post": ("Washington Post",),
    "The Wall Street Journal": ("Wall Street Journal", "WSJ"),
    "The Guardian": ("Guardian",),
    "Bloomberg": ("Bloomberg News",),
    "Politico": (),
    "Axios": (),
    "Military Times": ("Marine Corps Times", "Army Times", "Air Force Times", "Navy Times"),
    "Defense News": (),
    "Kurdistan 24": ("K24",),
    "Rudaw": (),
    "Tasnim": ("Tasnim News Agency", "Tasnim news"),
    "Fars": ("Fars News Agency", "Fars news"),
    "IRNA": ("Islamic Republic News Agency",),
    "Mehr": ("Mehr News Agency",),
    "ISNA": ("Iranian Students' News Agency",),
    "Press TV": ("PressTV",),
    "TASS": (),
    "RIA Novosti": ("RIA",),
    "RT": ("Russia Today",),
    "Sputnik": (),
    "Xinhua": ("Xinhua News Agency",),
    "Anadolu Agency": ("Anadolu",),
    "SANA": ("Syrian Arab News Agency",),
    "Yonhap": (),
    "Kyodo": (),
    "Haaretz": (),
    "The Times of Israel": ("Times of Israel",),
    "SouthFront": ("South Front",),
}

# Words of an organisation's own name that make it a media outlet ("Kabul Times", "Gulf News").
MEDIA_NAME_WORDS = (
    "news",
    "agency",
    "times",
    "tv",
    "television",
    "radio",
    "post",
    "journal",
    "gazette",
    "herald",
)
# Nouns of an apposition that make the name before it an outlet ("X, the media outlet of ...").
MEDIA_APPOSITION_NOUNS = (
    "media outlet",
    "outlet",
    "news agency",
    "news site",
    "newspaper",
    "broadcaster",
    "television",
    "tv channel",
    "channel",
    "daily",
    "website",
    "agency",
)
# Words right after a name that make it an outlet ("X news agency", "X TV"); alternation order kept.
MEDIA_NAME_FOLLOWERS = ("news agency", "news", "tv", "television")
# Verbs of publishing: "X reported" makes a one-word name an outlet when no person has that name.
PUBLISHING_VERBS = ("reported", "reports", "quoted", "published", "cited")
# Platforms a statement is posted on ("said on Twitter", "in a post on Telegram"): where it was said,
# no participant of it.
PLATFORMS = frozenset(
    [
        *("twitter", "x", "telegram", "facebook", "instagram", "youtube", "tiktok", "whatsapp"),
        *("weibo", "wechat", "vk", "vkontakte", "truth social", "threads", "bluesky", "social media"),
    ]
)
