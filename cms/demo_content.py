"""Demo content for ``manage.py seed_demo``: a fictional network, as plain data.

"Keshatot" (קשתות, "arches") is invented: a network of community centers in Israel
and of Israeli communities in European cities. Every text exists in Hebrew (the
source language) and English (its translation); ``seed_demo`` builds the pages,
users and memberships from these structures and nothing else.

Dates are relative: ``days_ago`` for news, ``days_ahead`` plus a local ``hour`` in
the community's ``time_zone`` for events. Slugs are ASCII and shared by both
languages, so ``/communities/haifa/`` and ``/en/communities/haifa/`` match.
"""

SITE_NAME = "Kehilot"
NETWORK_AUTHOR = {"he": "צוות הרשת", "en": "Network team"}

HOME = {
    "slug": "kehilot",
    "he": {
        "title": "קשתות – רשת קהילות",
        "tagline": "מרכזים קהילתיים בישראל וקהילות ישראליות באירופה, שלובים זה בזה.",
        "body": [
            "<p>קשתות מחברת בין מרכזים קהילתיים בישראל לבין קהילות של ישראלים "
            "שחיים באירופה. אנחנו מלווים צוותים מקומיים, מכשירים מתנדבים ורכזי נוער, "
            "ומעבירים ידע בין קהילות ותיקות לקהילות שרק קמות.</p>",
            "<p>כל קהילה ברשת עצמאית ומחליטה על דרכה; הרשת מספקת הכשרות, כלים "
            "וחיבורים בין אנשים.</p>",
        ],
        "call_to_action": {
            "title": "מחפשים קהילה?",
            "text": "עיינו ברשימת הקהילות בישראל ובאירופה והצטרפו לזו הקרובה אליכם.",
            "button_label": "לכל הקהילות",
        },
    },
    "en": {
        "title": "Keshatot – a network of communities",
        "tagline": "Community centers in Israel and Israeli communities in Europe, "
        "linked together.",
        "body": [
            "<p>Keshatot links community centers in Israel with communities of "
            "Israelis living in Europe. We support local teams, train volunteers and "
            "youth coordinators, and pass know-how from established communities to "
            "those just starting out.</p>",
            "<p>Every community in the network is independent and sets its own "
            "course; the network provides training, tools and connections between "
            "people.</p>",
        ],
        "call_to_action": {
            "title": "Looking for a community?",
            "text": "Browse the communities in Israel and Europe and join the one "
            "nearest to you.",
            "button_label": "See all communities",
        },
    },
}

COMMUNITY_INDEX = {
    "slug": "communities",
    "he": {
        "show_in_menus": True,
        "title": "קהילות",
        "intro": "הקהילות והמרכזים הקהילתיים של הרשת ושל שותפיה. אפשר לסנן לפי "
        "מדינה, עיר וחברות ברשת.",
    },
    "en": {
        "show_in_menus": True,
        "title": "Communities",
        "intro": "The communities and community centers of the network and its "
        "partners. Filter by country, city or network membership.",
    },
}

NETWORK_NEWS_INDEX = {
    "slug": "news",
    "he": {
        "show_in_menus": True,
        "title": "חדשות הרשת",
        "intro": "עדכון שבועי מצוות הרשת: הכשרות, מפגשים וסיפורים מהקהילות.",
    },
    "en": {
        "show_in_menus": True,
        "title": "Network news",
        "intro": "A weekly update from the network team: trainings, gatherings and "
        "stories from the communities.",
    },
}

NETWORK_EVENT_INDEX = {
    "slug": "events",
    "he": {
        "show_in_menus": True,
        "title": "אירועי הרשת",
        "intro": "כנסים, הכשרות ומפגשים מקוונים לכל קהילות הרשת.",
    },
    "en": {
        "show_in_menus": True,
        "title": "Network events",
        "intro": "Conferences, trainings and online meetings for every community in "
        "the network.",
    },
}

NETWORK_ABOUT = {
    "slug": "about",
    "he": {
        "title": "אודות הרשת",
        "intro": "קשתות היא עמותה עצמאית שמחברת בין קהילות בישראל ובאירופה.",
        "body": [
            "<h2>מה אנחנו עושים</h2><ul><li>הכשרות לרכזי נוער, למתנדבים ולמנהלי "
            "מרכזים.</li><li>ליווי צוותים שמקימים קהילה ישראלית בעיר חדשה.</li>"
            "<li>מפגשים בין קהילות להחלפת ידע ורעיונות.</li></ul>",
            "<p>הרשת אינה קשורה לשום גוף פוליטי או דתי. פעילותה ממומנת מדמי החבר "
            "של הקהילות ומתרומות.</p>",
        ],
        "quote": "כשקהילה אחת לומדת משהו, כל הרשת מרוויחה.",
        "quote_by": "מתוך אמנת הרשת",
    },
    "en": {
        "title": "About the network",
        "intro": "Keshatot is an independent non-profit that connects communities in "
        "Israel and Europe.",
        "body": [
            "<h2>What we do</h2><ul><li>Training for youth coordinators, volunteers "
            "and center directors.</li><li>Guidance for teams founding an Israeli "
            "community in a new city.</li><li>Meetings between communities to "
            "exchange ideas and experience.</li></ul>",
            "<p>The network is not affiliated with any political or religious body. "
            "It is funded by its communities' membership dues and by donations.</p>",
        ],
        "quote": "When one community learns something, the whole network gains.",
        "quote_by": "From the network charter",
    },
}

# One item a week, newest first.
NETWORK_NEWS = [
    {
        "slug": "conference-registration-open",
        "days_ago": 2,
        "he": {
            "title": "נפתחה ההרשמה לכנס הרשת השנתי",
            "intro": "הכנס יתקיים בחיפה ויעסוק השנה בהתנדבות צעירים. מספר המקומות "
            "מוגבל.",
            "body": "<p>במשך יומיים ייפגשו מנהלי מרכזים, רכזי נוער ונציגי קהילות "
            "מאירופה לסדנאות ולשיחות. הקהילות המארחות יציגו פרויקטים שהצליחו אצלן "
            "השנה.</p>",
        },
        "en": {
            "title": "Registration open for the annual network conference",
            "intro": "The conference will be held in Haifa and this year focuses on "
            "youth volunteering. Places are limited.",
            "body": "<p>For two days, center directors, youth coordinators and "
            "representatives of communities in Europe will meet for workshops and "
            "conversations. Host communities will present projects that worked well "
            "for them this year.</p>",
        },
    },
    {
        "slug": "volunteer-leadership-track",
        "days_ago": 9,
        "he": {
            "title": "מסלול הכשרה חדש למובילי מתנדבים",
            "intro": "שמונה מפגשים מקוונים למי שמגייס ומלווה מתנדבים בקהילה.",
            "body": "<p>המסלול עוסק בגיוס, בהכשרה ובשימור של מתנדבים, ונבנה יחד עם "
            "רכזים ותיקים מהרשת. המפגשים מתקיימים בעברית, בערבי ימי שני.</p>",
        },
        "en": {
            "title": "New training track for volunteer leaders",
            "intro": "Eight online sessions for people who recruit and support "
            "volunteers in their community.",
            "body": "<p>The track covers recruiting, training and keeping volunteers, "
            "and was designed with experienced coordinators from the network. "
            "Sessions are held in Hebrew on Monday evenings.</p>",
        },
    },
    {
        "slug": "budapest-joins-the-network",
        "days_ago": 16,
        "he": {
            "title": "קהילת שני גדות מבודפשט הצטרפה לרשת",
            "intro": "הקהילה הישראלית בבודפשט היא החברה החדשה ביותר ברשת.",
            "body": "<p>בקהילה פועלים חוג עברית לילדים, קבוצת ריצה ומפגשי חג "
            "פתוחים. ברוכים הבאים!</p>",
        },
        "en": {
            "title": "Shnei Gadot in Budapest joins the network",
            "intro": "The Israeli community in Budapest is the network's newest "
            "member.",
            "body": "<p>The community runs a Hebrew class for children, a running "
            "group and open holiday gatherings. Welcome aboard!</p>",
        },
    },
    {
        "slug": "holiday-kit",
        "days_ago": 23,
        "he": {
            "title": "ערכת חגים לקהילות בחו\"ל",
            "intro": "חומרים מוכנים להפעלות חג בעברית, לילדים ולמשפחות.",
            "body": "<p>הערכה כוללת מערכי הפעלה, שירים ודפי צביעה, ומתאימה גם "
            "לקהילות קטנות שאין בהן איש חינוך. אפשר להוריד אותה מאזור הקהילות "
            "באתר.</p>",
        },
        "en": {
            "title": "A holiday kit for communities abroad",
            "intro": "Ready-made Hebrew holiday activities for children and families.",
            "body": "<p>The kit includes activity plans, songs and colouring pages, "
            "and suits small communities without an educator too. Download it from "
            "the communities area of the site.</p>",
        },
    },
]

NETWORK_EVENTS = [
    {
        "slug": "founding-a-community-online",
        "days_ahead": 10,
        "hour": 20,
        "minutes": 90,
        "time_zone": "Asia/Jerusalem",
        "online_url": "https://meet.example.org/keshatot-founders",
        "registration_url": "https://keshatot.example.org/register/founders/",
        "he": {
            "title": "מפגש מקוון: מקימים קהילה ישראלית בעיר חדשה",
            "intro": "צוותים מפראג ומאמסטרדם משתפים מה למדו בשנה הראשונה: ועד, "
            "תקציב ומתנדבים.",
        },
        "en": {
            "title": "Online: founding an Israeli community in a new city",
            "intro": "Teams from Prague and Amsterdam share what they learned in their "
            "first year: committees, budgets and volunteers.",
        },
    },
    {
        "slug": "annual-conference",
        "days_ahead": 45,
        "hour": 9,
        "minutes": 32 * 60,
        "time_zone": "Asia/Jerusalem",
        "registration_url": "https://keshatot.example.org/register/conference/",
        "he": {
            "title": "כנס הרשת השנתי",
            "intro": "יומיים של סדנאות, הרצאות ומפגשים בין קהילות. נושא השנה: "
            "התנדבות צעירים.",
            "venue": "מרכז קהילתי מצפה ים",
            "address": "שדרות הים 40, חיפה",
        },
        "en": {
            "title": "Annual network conference",
            "intro": "Two days of workshops, talks and meetings between communities. "
            "This year's theme: youth volunteering.",
            "venue": "Mitzpe Yam Community Center",
            "address": "40 HaYam Blvd, Haifa",
        },
    },
]

# The news and events sections every community gets.
COMMUNITY_NEWS_INDEX = {
    "slug": "news",
    "he": {"title": "חדשות", "intro": "מה קורה אצלנו."},
    "en": {"title": "News", "intro": "What's happening in our community."},
}
COMMUNITY_EVENT_INDEX = {
    "slug": "events",
    "he": {"title": "אירועים", "intro": "האירועים הקרובים של הקהילה."},
    "en": {"title": "Events", "intro": "The community's upcoming events."},
}

COMMUNITIES = [
    {
        "slug": "beer-sheva",
        "country": "IL",
        "latitude": "31.252973",
        "longitude": "34.791462",
        "time_zone": "Asia/Jerusalem",
        "network_member": True,
        "languages": ["he", "ru", "am"],
        "contact_email": "gefanim@example.org",
        "contact_phone": "+972 8 555 0112",
        "website": "https://gefanim.example.org/",
        "people": [
            {
                "name": {"he": "אורית בן שושן", "en": "Orit Ben Shushan"},
                "role": {"he": "מנהלת המרכז", "en": "Center director"},
                "email": "orit@gefanim.example.org",
            },
            {
                "name": {"he": "יוסף טגניה", "en": "Yosef Tegenya"},
                "role": {"he": "רכז נוער", "en": "Youth coordinator"},
                "email": "yosef@gefanim.example.org",
            },
            {
                "name": {"he": "לנה קוגן", "en": "Lena Kogan"},
                "role": {"he": "רכזת קליטה", "en": "Integration coordinator"},
                "email": "lena@gefanim.example.org",
            },
        ],
        "he": {
            "title": "מרכז קהילתי גפנים – באר שבע",
            "city": "באר שבע",
            "short_description": "מרכז קהילתי שכונתי עם תנועת נוער פעילה, בית "
            "לעולים חדשים ומאות מתנדבים.",
            "address": "רחוב הגפן 12, באר שבע",
            "about": "<p>גפנים פועל בלב השכונה כבר שלושים שנה. לצד חוגים ומועדונית, "
            "המרכז מפעיל תוכנית קליטה למשפחות עולים ומרכז התנדבות שכונתי.</p>",
            "people_heading": "הצוות",
            "quote": "מה שהתחיל כמועדון נוער אחד הפך לבית של כל השכונה.",
            "quote_by": "אורית בן שושן, מנהלת המרכז",
            "tags": ["נוער", "מתנדבים", "קליטת עלייה"],
        },
        "en": {
            "title": "Gefanim Community Center – Beer Sheva",
            "city": "Beer Sheva",
            "short_description": "A neighbourhood community center with an active "
            "youth movement, a home for new immigrants and hundreds of volunteers.",
            "address": "12 HaGefen St, Beer Sheva",
            "about": "<p>Gefanim has been at the heart of its neighbourhood for thirty "
            "years. Alongside classes and an after-school club, it runs an "
            "integration programme for immigrant families and a neighbourhood "
            "volunteer center.</p>",
            "people_heading": "The team",
            "quote": "What began as a single youth club became a home for the whole "
            "neighbourhood.",
            "quote_by": "Orit Ben Shushan, center director",
            "tags": ["youth", "volunteers", "immigrant integration"],
        },
        "news": [
            {
                "slug": "youth-volunteering-week",
                "days_ago": 5,
                "he": {
                    "title": "שבוע התנדבות של בני הנוער",
                    "intro": "ארבעים בני נוער שיפצו את גינת השכונה וצבעו את המקלט "
                    "הציבורי.",
                    "body": "<p>השבוע הסתיים בערב הוקרה למתנדבים ולהורים. תודה "
                    "לחנויות השכונה שתרמו צבע וכלים.</p>",
                    "author": "יוסף טגניה",
                },
                "en": {
                    "title": "Youth volunteering week",
                    "intro": "Forty teenagers renovated the neighbourhood garden and "
                    "painted the public shelter.",
                    "body": "<p>The week ended with an evening honouring the "
                    "volunteers and their parents. Thanks to the neighbourhood shops "
                    "that donated paint and tools.</p>",
                    "author": "Yosef Tegenya",
                },
            },
        ],
        "event": {
            "slug": "story-evening",
            "days_ahead": 8,
            "hour": 18,
            "minutes": 120,
            "he": {
                "title": "ערב סיפורים בעברית ובאמהרית",
                "intro": "סבים וסבתות מספרים סיפורי ילדות, והנכדים מתרגמים. לכל "
                "המשפחה.",
                "venue": "מרכז קהילתי גפנים, האולם הגדול",
                "address": "רחוב הגפן 12, באר שבע",
            },
            "en": {
                "title": "Story evening in Hebrew and Amharic",
                "intro": "Grandparents tell childhood stories and the grandchildren "
                "translate. For the whole family.",
                "venue": "Gefanim Community Center, main hall",
                "address": "12 HaGefen St, Beer Sheva",
            },
        },
    },
    {
        "slug": "haifa",
        "country": "IL",
        "latitude": "32.794046",
        "longitude": "34.989571",
        "time_zone": "Asia/Jerusalem",
        "network_member": True,
        "languages": ["he", "ar", "ru"],
        "contact_email": "mitzpe-yam@example.org",
        "contact_phone": "+972 4 555 0140",
        "website": "https://mitzpe-yam.example.org/",
        "people": [
            {
                "name": {"he": "רונית אלון", "en": "Ronit Alon"},
                "role": {"he": "מנהלת המרכז", "en": "Center director"},
                "email": "ronit@mitzpe-yam.example.org",
            },
            {
                "name": {"he": "סאמר חדאד", "en": "Samer Haddad"},
                "role": {"he": "רכז נוער", "en": "Youth coordinator"},
                "email": "samer@mitzpe-yam.example.org",
            },
            {
                "name": {"he": "דנה לוי", "en": "Dana Levi"},
                "role": {"he": "רכזת מתנדבים", "en": "Volunteer coordinator"},
                "email": "dana@mitzpe-yam.example.org",
            },
        ],
        "he": {
            "title": "מרכז קהילתי מצפה ים – חיפה",
            "city": "חיפה",
            "short_description": "מרכז קהילתי על הכרמל שמפגיש יהודים וערבים, "
            "ותיקים וצעירים, סביב תרבות ומעורבות אזרחית.",
            "address": "שדרות הים 40, חיפה",
            "about": "<p>מצפה ים מפעיל חוגי אמנות, מקהלה דו־לשונית ומרכז צעירים. ועד "
            "השכונה נפגש במרכז פעם בחודש ומוביל יוזמות לשיפור המרחב הציבורי.</p>",
            "people_heading": "בעלי תפקידים",
            "quote": "המקהלה שלנו שרה בשתי שפות, וכולם מכירים את כל השירים.",
            "quote_by": "סאמר חדאד, רכז הנוער",
            "tags": ["תרבות", "חברה משותפת", "נוער"],
        },
        "en": {
            "title": "Mitzpe Yam Community Center – Haifa",
            "city": "Haifa",
            "short_description": "A community center on Mount Carmel that brings Jews "
            "and Arabs, old-timers and young people together around culture and "
            "civic life.",
            "address": "40 HaYam Blvd, Haifa",
            "about": "<p>Mitzpe Yam runs art classes, a bilingual choir and a young "
            "adults' hub. The neighbourhood committee meets at the center every "
            "month and leads projects to improve public spaces.</p>",
            "people_heading": "Role holders",
            "quote": "Our choir sings in two languages, and everyone knows all the "
            "songs.",
            "quote_by": "Samer Haddad, youth coordinator",
            "tags": ["culture", "shared society", "youth"],
        },
        "news": [
            {
                "slug": "choir-new-season",
                "days_ago": 3,
                "he": {
                    "title": "המקהלה הדו־לשונית פותחת עונה",
                    "intro": "החזרות מתחילות ביום שלישי הקרוב, ואין צורך בניסיון "
                    "קודם.",
                    "body": "<p>השנה נלמד שירים בעברית ובערבית לקראת הופעה משותפת "
                    "באביב. מוזמנים מגיל שש־עשרה ומעלה.</p>",
                    "author": "דנה לוי",
                },
                "en": {
                    "title": "The bilingual choir opens its season",
                    "intro": "Rehearsals start next Tuesday, and no experience is "
                    "needed.",
                    "body": "<p>This year we will learn songs in Hebrew and Arabic "
                    "for a joint spring concert. Everyone aged sixteen and over is "
                    "welcome.</p>",
                    "author": "Dana Levi",
                },
            },
            {
                "slug": "committee-elections",
                "days_ago": 17,
                "he": {
                    "title": "בחירות לוועד השכונה",
                    "intro": "שבעה תושבים הגישו מועמדות. ההצבעה תתקיים במרכז.",
                    "body": "<p>המועמדים יציגו את עצמם בערב פתוח בשבוע הבא. כל "
                    "תושבי השכונה מגיל שמונה־עשרה רשאים להצביע.</p>",
                    "author": "רונית אלון",
                },
                "en": {
                    "title": "Neighbourhood committee elections",
                    "intro": "Seven residents are standing. Voting will take place at "
                    "the center.",
                    "body": "<p>The candidates will introduce themselves at an open "
                    "evening next week. All residents aged eighteen and over may "
                    "vote.</p>",
                    "author": "Ronit Alon",
                },
            },
        ],
        "event": {
            "slug": "volunteer-training-day",
            "days_ahead": 14,
            "hour": 9,
            "minutes": 360,
            "he": {
                "title": "יום הכשרה למתנדבים חדשים",
                "intro": "היכרות עם תוכניות המרכז, עזרה ראשונה בסיסית וסדנת הקשבה.",
                "venue": "מרכז קהילתי מצפה ים",
                "address": "שדרות הים 40, חיפה",
            },
            "en": {
                "title": "Training day for new volunteers",
                "intro": "An introduction to the center's programmes, basic first aid "
                "and a listening workshop.",
                "venue": "Mitzpe Yam Community Center",
                "address": "40 HaYam Blvd, Haifa",
            },
        },
    },
    {
        "slug": "kiryat-shmona",
        "country": "IL",
        "latitude": "33.207333",
        "longitude": "35.570278",
        "time_zone": "Asia/Jerusalem",
        "network_member": True,
        "languages": ["he", "ru", "fr"],
        "contact_email": "shalhevet@example.org",
        "contact_phone": "+972 4 555 0177",
        "website": "https://shalhevet.example.org/",
        "people": [
            {
                "name": {"he": "משה אזולאי", "en": "Moshe Azoulay"},
                "role": {"he": "מנהל המרכז", "en": "Center director"},
                "email": "moshe@shalhevet.example.org",
            },
            {
                "name": {"he": "שירה מלכה", "en": "Shira Malka"},
                "role": {"he": "רכזת נוער", "en": "Youth coordinator"},
                "email": "shira@shalhevet.example.org",
            },
            {
                "name": {"he": "אלכס פרידמן", "en": "Alex Fridman"},
                "role": {"he": "רכז חוסן קהילתי", "en": "Community resilience lead"},
                "email": "alex@shalhevet.example.org",
            },
        ],
        "he": {
            "title": "מרכז קהילתי שלהבת – קריית שמונה",
            "city": "קריית שמונה",
            "short_description": "מרכז קהילתי בגליל העליון שמוביל תוכניות חוסן "
            "למשפחות ולבני נוער.",
            "address": "רחוב הירדן 7, קריית שמונה",
            "about": "<p>אחרי תקופות ארוכות של אי־ודאות, שלהבת מתמקד בחיזוק הקשרים "
            "בין השכנים. המרכז מפעיל קבוצות תמיכה להורים, מועדון נוער פתוח ותוכנית "
            "ערבות הדדית של מתנדבים.</p>",
            "people_heading": "בעלי תפקידים",
            "quote": "בימים קשים גילינו כמה השכנים שלנו חזקים.",
            "quote_by": "שירה מלכה, רכזת הנוער",
            "tags": ["חוסן קהילתי", "משפחות", "נוער"],
        },
        "en": {
            "title": "Shalhevet Community Center – Kiryat Shmona",
            "city": "Kiryat Shmona",
            "short_description": "A community center in the Upper Galilee leading "
            "resilience programmes for families and teenagers.",
            "address": "7 HaYarden St, Kiryat Shmona",
            "about": "<p>After long periods of uncertainty, Shalhevet focuses on "
            "strengthening ties between neighbours. The center runs support groups "
            "for parents, an open youth club and a volunteer mutual-aid "
            "programme.</p>",
            "people_heading": "Role holders",
            "quote": "In hard times we discovered how strong our neighbours are.",
            "quote_by": "Shira Malka, youth coordinator",
            "tags": ["community resilience", "families", "youth"],
        },
        "news": [
            {
                "slug": "youth-club-reopens",
                "days_ago": 6,
                "he": {
                    "title": "מועדון הנוער חוזר לפעול",
                    "intro": "אחרי שיפוץ המבנה, המועדון פתוח בכל ערב מלבד שבת.",
                    "body": "<p>בני הנוער בחרו בעצמם את הצבעים ואת הריהוט. בשבועות "
                    "הקרובים ייפתחו גם חוג מוזיקה וסדנת בישול.</p>",
                    "author": "שירה מלכה",
                },
                "en": {
                    "title": "The youth club reopens",
                    "intro": "After renovation, the club is open every evening except "
                    "Shabbat.",
                    "body": "<p>The teenagers chose the colours and the furniture "
                    "themselves. A music class and a cooking workshop will open in "
                    "the coming weeks.</p>",
                    "author": "Shira Malka",
                },
            },
        ],
        "event": {
            "slug": "parents-circle",
            "days_ahead": 6,
            "hour": 20,
            "minutes": 90,
            "he": {
                "title": "מעגל הורים: לדבר עם ילדים על תקופות לחוצות",
                "intro": "מפגש בקבוצה קטנה בהנחיית פסיכולוגית חינוכית.",
                "venue": "מרכז קהילתי שלהבת, חדר 3",
                "address": "רחוב הירדן 7, קריית שמונה",
            },
            "en": {
                "title": "Parents' circle: talking with children about stressful times",
                "intro": "A small-group meeting led by an educational psychologist.",
                "venue": "Shalhevet Community Center, room 3",
                "address": "7 HaYarden St, Kiryat Shmona",
            },
        },
    },
    {
        "slug": "jerusalem",
        "country": "IL",
        "latitude": "31.768319",
        "longitude": "35.213710",
        "time_zone": "Asia/Jerusalem",
        "network_member": False,
        "languages": ["he", "en", "fr"],
        "contact_email": "oranim@example.org",
        "contact_phone": "+972 2 555 0133",
        "website": "https://oranim.example.org/",
        "people": [
            {
                "name": {"he": "נחמה רוזן", "en": "Nehama Rosen"},
                "role": {"he": "מנהלת המרכז", "en": "Center director"},
                "email": "nehama@oranim.example.org",
            },
            {
                "name": {"he": "איתי שפירא", "en": "Itai Shapira"},
                "role": {"he": "רכז מתנדבים", "en": "Volunteer coordinator"},
                "email": "itai@oranim.example.org",
            },
        ],
        "he": {
            "title": "מרכז קהילתי גבעת האורנים – ירושלים",
            "city": "ירושלים",
            "short_description": "מרכז שכונתי שותף לרשת, עם בית חם לוותיקים ותוכנית "
            "אמנות קהילתית.",
            "address": "רחוב האורנים 3, ירושלים",
            "about": "<p>גבעת האורנים משתף פעולה עם הרשת בהכשרת מתנדבים, אף שאינו "
            "חבר בה. המרכז ידוע במועדון הוותיקים שלו ובסדנאות אמנות שמפגישות בין "
            "דורות.</p>",
            "people_heading": "אנשי קשר",
            "quote": "הנכדים מלמדים אותנו להשתמש בטלפון, ואנחנו מלמדים אותם לרקום.",
            "quote_by": "חברת מועדון הוותיקים",
            "tags": ["ותיקים", "אמנות", "בין דורות"],
        },
        "en": {
            "title": "Givat HaOranim Community Center – Jerusalem",
            "city": "Jerusalem",
            "short_description": "A partner neighbourhood center with a warm home for "
            "senior citizens and a community art programme.",
            "address": "3 HaOranim St, Jerusalem",
            "about": "<p>Givat HaOranim works with the network on volunteer training, "
            "although it is not a member. The center is known for its seniors' club "
            "and for art workshops that bring generations together.</p>",
            "people_heading": "Contacts",
            "quote": "The grandchildren teach us to use our phones, and we teach them "
            "embroidery.",
            "quote_by": "A member of the seniors' club",
            "tags": ["seniors", "art", "intergenerational"],
        },
        "news": [
            {
                "slug": "intergenerational-exhibition",
                "days_ago": 10,
                "he": {
                    "title": "תערוכה משותפת לסבים ולנכדים",
                    "intro": "עבודות רקמה, צילום וקרמיקה שיצרו יחד שני דורות מוצגות "
                    "בלובי המרכז.",
                    "body": "<p>התערוכה פתוחה לקהל עד סוף החודש, בשעות הפעילות של "
                    "המרכז. הכניסה חופשית.</p>",
                    "author": "איתי שפירא",
                },
                "en": {
                    "title": "A joint exhibition by grandparents and grandchildren",
                    "intro": "Embroidery, photography and ceramics made together by "
                    "two generations are on show in the center's lobby.",
                    "body": "<p>The exhibition is open until the end of the month "
                    "during the center's opening hours. Admission is free.</p>",
                    "author": "Itai Shapira",
                },
            },
        ],
        "event": {
            "slug": "digital-workshop-for-seniors",
            "days_ahead": 9,
            "hour": 10,
            "minutes": 120,
            "he": {
                "title": "סדנה דיגיטלית לוותיקים",
                "intro": "בני נוער מתנדבים מלמדים שיחות וידאו, קביעת תורים ברשת "
                "ושמירה על פרטיות.",
                "venue": "מרכז קהילתי גבעת האורנים, חדר המחשבים",
                "address": "רחוב האורנים 3, ירושלים",
            },
            "en": {
                "title": "Digital workshop for seniors",
                "intro": "Teenage volunteers teach video calls, booking appointments "
                "online and staying safe.",
                "venue": "Givat HaOranim Community Center, computer room",
                "address": "3 HaOranim St, Jerusalem",
            },
        },
    },
    {
        "slug": "berlin",
        "country": "DE",
        "latitude": "52.520008",
        "longitude": "13.404954",
        "time_zone": "Europe/Berlin",
        "network_member": True,
        "languages": ["he", "de", "en"],
        "contact_email": "shchenim@example.org",
        "contact_phone": "+49 30 5550 1720",
        "website": "https://shchenim.example.org/",
        "people": [
            {
                "name": {"he": "יעל ברק", "en": "Yael Barak"},
                "role": {"he": "מייסדת הקהילה", "en": "Community founder"},
                "email": "yael@shchenim.example.org",
            },
            {
                "name": {"he": "עומר גולן", "en": "Omer Golan"},
                "role": {"he": "רכז נוער", "en": "Youth coordinator"},
                "email": "omer@shchenim.example.org",
            },
            {
                "name": {"he": "מיכל רז", "en": "Michal Raz"},
                "role": {"he": "גזברית", "en": "Treasurer"},
                "email": "michal@shchenim.example.org",
            },
        ],
        "he": {
            "title": "שכנים – קהילה ישראלית בברלין",
            "city": "ברלין",
            "short_description": "קהילה של משפחות וצעירים ישראלים בברלין: גן עברי, "
            "ערבי חג ועזרה לחדשים בעיר.",
            "address": "Weserstraße 21, 12047 Berlin",
            "about": "<p>שכנים נוסדה על ידי כמה משפחות שחיפשו מסגרת דוברת עברית "
            "לילדים. היום פועלים בקהילה גן עברי בשבת בבוקר, קבוצת הורים וצוות "
            "מתנדבים שעוזר לישראלים חדשים מול הבירוקרטיה המקומית.</p>",
            "people_heading": "ועד הקהילה",
            "quote": "כשהגענו לא הכרנו איש. היום יש לנו שכנים.",
            "quote_by": "יעל ברק, מייסדת הקהילה",
            "tags": ["הורים וילדים", "עברית", "חגים"],
        },
        "en": {
            "title": "Shchenim – Israeli community in Berlin",
            "city": "Berlin",
            "short_description": "A community of Israeli families and young people "
            "in Berlin: a Hebrew playgroup, holiday evenings and help for "
            "newcomers.",
            "address": "Weserstraße 21, 12047 Berlin",
            "about": "<p>Shchenim was founded by a few families looking for a "
            "Hebrew-speaking setting for their children. Today it runs a "
            "Saturday-morning Hebrew playgroup, a parents' group and a volunteer team "
            "that helps new Israelis with local bureaucracy.</p>",
            "people_heading": "Community committee",
            "quote": "When we arrived we knew no one. Today we have neighbours.",
            "quote_by": "Yael Barak, community founder",
            "tags": ["parents and children", "Hebrew", "holidays"],
        },
        "news": [
            {
                "slug": "second-playgroup",
                "days_ago": 4,
                "he": {
                    "title": "נפתחת קבוצה שנייה בגן העברי",
                    "intro": "בגלל רשימת ההמתנה, תיפתח קבוצה לגילאי שלוש עד חמש גם "
                    "ביום ראשון.",
                    "body": "<p>הקבוצה החדשה תפעל בהנחיית גננת מוסמכת ושני הורים "
                    "מתנדבים. ההרשמה דרך האתר, לפי סדר הפניות.</p>",
                    "author": "יעל ברק",
                },
                "en": {
                    "title": "A second Hebrew playgroup opens",
                    "intro": "Because of the waiting list, a group for ages three to "
                    "five will also meet on Sundays.",
                    "body": "<p>The new group will be led by a qualified kindergarten "
                    "teacher and two volunteer parents. Register on the website; "
                    "places are given in order of application.</p>",
                    "author": "Yael Barak",
                },
            },
            {
                "slug": "newcomers-guide",
                "days_ago": 20,
                "he": {
                    "title": "מדריך לישראלים חדשים בברלין",
                    "intro": "המתנדבים שלנו ריכזו את מה שצריך לדעת בחודשים "
                    "הראשונים: רישום, ביטוח ומציאת דירה.",
                    "body": "<p>המדריך כתוב בעברית ומתעדכן בכל רבעון. מצאתם טעות או "
                    "מידע חסר? כתבו לנו.</p>",
                    "author": "צוות המתנדבים",
                },
                "en": {
                    "title": "A guide for new Israelis in Berlin",
                    "intro": "Our volunteers gathered what you need to know in the "
                    "first months: registration, insurance and finding a flat.",
                    "body": "<p>The guide is written in Hebrew and updated every "
                    "quarter. Found a mistake or something missing? Write to us.</p>",
                    "author": "Volunteer team",
                },
            },
        ],
        "event": {
            "slug": "sing-along",
            "days_ahead": 12,
            "hour": 19,
            "minutes": 150,
            "he": {
                "title": "ערב שירה בציבור",
                "intro": "שירים עבריים ישנים וחדשים עם נגנים מהקהילה. דפי מילים "
                "יחולקו במקום.",
                "venue": "בית השכונה ברחוב וזר",
                "address": "Weserstraße 21, 12047 Berlin",
            },
            "en": {
                "title": "Hebrew sing-along evening",
                "intro": "Old and new Hebrew songs with musicians from the community. "
                "Lyrics sheets will be handed out.",
                "venue": "Weserstraße neighbourhood house",
                "address": "Weserstraße 21, 12047 Berlin",
            },
        },
    },
    {
        "slug": "paris",
        "country": "FR",
        "latitude": "48.856613",
        "longitude": "2.352222",
        "time_zone": "Europe/Paris",
        "network_member": True,
        "languages": ["he", "fr"],
        "contact_email": "mirpeset@example.org",
        "contact_phone": "+33 1 55 50 12 34",
        "website": "https://mirpeset.example.org/",
        "people": [
            {
                "name": {"he": "ליאור דהן", "en": "Lior Dahan"},
                "role": {"he": "מייסד הקהילה", "en": "Community founder"},
                "email": "lior@mirpeset.example.org",
            },
            {
                "name": {"he": "אנה כהן־לוי", "en": "Anna Cohen-Levi"},
                "role": {"he": "רכזת תרבות", "en": "Culture coordinator"},
                "email": "anna@mirpeset.example.org",
            },
        ],
        "he": {
            "title": "מרפסת – קהילה ישראלית בפריז",
            "city": "פריז",
            "short_description": "קהילה ישראלית בפריז עם ערבי תרבות, ספרייה עברית "
            "ועזרה הדדית בין משפחות.",
            "address": "12 rue des Lilas, 75011 Paris",
            "about": "<p>מרפסת התחילה כמפגש קפה חודשי של כמה חברים והפכה לקהילה של "
            "מאות משפחות. יש לה ספרייה עברית שמתנדבים מפעילים, מועדון קולנוע ומערך "
            "הסעות משותפות לאירועים.</p>",
            "people_heading": "הצוות המוביל",
            "quote": "הספרייה שלנו התחילה משלושה ארגזי ספרים בסלון.",
            "quote_by": "אנה כהן־לוי, רכזת התרבות",
            "tags": ["תרבות", "ספרייה עברית", "משפחות"],
        },
        "en": {
            "title": "Mirpeset – Israeli community in Paris",
            "city": "Paris",
            "short_description": "An Israeli community in Paris with cultural "
            "evenings, a Hebrew library and mutual help between families.",
            "address": "12 rue des Lilas, 75011 Paris",
            "about": "<p>Mirpeset began as a monthly coffee morning for a few friends "
            "and grew into a community of hundreds of families. It has a "
            "volunteer-run Hebrew library, a film club and shared rides to "
            "events.</p>",
            "people_heading": "Leading team",
            "quote": "Our library started with three boxes of books in someone's "
            "living room.",
            "quote_by": "Anna Cohen-Levi, culture coordinator",
            "tags": ["culture", "Hebrew library", "families"],
        },
        "news": [
            {
                "slug": "film-club-returns",
                "days_ago": 8,
                "he": {
                    "title": "מועדון הקולנוע חוזר",
                    "intro": "בכל חודש סרט ישראלי עם כתוביות בצרפתית, ושיחה אחריו.",
                    "body": "<p>את הסרט הראשון בעונה יבחרו חברי הקהילה בהצבעה. "
                    "ההקרנות מתקיימות באולם קטן ליד תחנת המטרו.</p>",
                    "author": "אנה כהן־לוי",
                },
                "en": {
                    "title": "The film club is back",
                    "intro": "An Israeli film with French subtitles every month, "
                    "followed by a discussion.",
                    "body": "<p>Community members will vote for the first film of the "
                    "season. Screenings take place in a small hall near the metro "
                    "station.</p>",
                    "author": "Anna Cohen-Levi",
                },
            },
        ],
        "event": {
            "slug": "hebrew-book-swap",
            "days_ahead": 16,
            "hour": 15,
            "minutes": 180,
            "he": {
                "title": "יריד החלפת ספרים בעברית",
                "intro": "מביאים ספרים שקראתם ולוקחים הביתה ספרים חדשים. יש פינת "
                "קריאה לילדים.",
                "venue": "Espace associatif des Lilas",
                "address": "12 rue des Lilas, 75011 Paris",
            },
            "en": {
                "title": "Hebrew book swap",
                "intro": "Bring books you have read and take new ones home. There is a "
                "reading corner for children.",
                "venue": "Espace associatif des Lilas",
                "address": "12 rue des Lilas, 75011 Paris",
            },
        },
    },
    {
        "slug": "amsterdam",
        "country": "NL",
        "latitude": "52.367573",
        "longitude": "4.904139",
        "time_zone": "Europe/Amsterdam",
        "network_member": True,
        "languages": ["he", "nl", "en"],
        "contact_email": "tealot@example.org",
        "contact_phone": "+31 20 555 0167",
        "website": "https://tealot.example.org/",
        "people": [
            {
                "name": {"he": "נועם אשכנזי", "en": "Noam Ashkenazi"},
                "role": {"he": "מייסד הקהילה", "en": "Community founder"},
                "email": "noam@tealot.example.org",
            },
            {
                "name": {"he": "טל ורד", "en": "Tal Vered"},
                "role": {"he": "רכזת חינוך", "en": "Education coordinator"},
                "email": "tal@tealot.example.org",
            },
            {
                "name": {"he": "רון שגיא", "en": "Ron Sagi"},
                "role": {"he": "גזבר", "en": "Treasurer"},
                "email": "ron@tealot.example.org",
            },
        ],
        "he": {
            "title": "תעלות – ישראלים באמסטרדם",
            "city": "אמסטרדם",
            "short_description": "קהילה צעירה של ישראלים באמסטרדם, עם בית ספר לעברית "
            "ביום ראשון וקבוצת יזמים.",
            "address": "Vrolikstraat 150, Amsterdam",
            "about": "<p>תעלות הוקמה לפני ארבע שנים בליווי הרשת. צוות של עשרה "
            "מתנדבים מנהל את בית הספר לעברית, את מפגשי היזמים ואת לוח "
            "האירועים.</p>",
            "people_heading": "הצוות",
            "quote": "למדנו שקהילה לא צריכה בניין. היא צריכה אנשים שמגיעים.",
            "quote_by": "נועם אשכנזי, מייסד הקהילה",
            "tags": ["עברית לילדים", "יזמות", "מתנדבים"],
        },
        "en": {
            "title": "Te'alot – Israelis in Amsterdam",
            "city": "Amsterdam",
            "short_description": "A young community of Israelis in Amsterdam, with a "
            "Sunday Hebrew school and an entrepreneurs' group.",
            "address": "Vrolikstraat 150, Amsterdam",
            "about": "<p>Te'alot was founded four years ago with the network's "
            "support. A team of ten volunteers runs the Hebrew school, the "
            "entrepreneurs' meetups and the events calendar.</p>",
            "people_heading": "The team",
            "quote": "We learned that a community doesn't need a building. It needs "
            "people who show up.",
            "quote_by": "Noam Ashkenazi, community founder",
            "tags": ["Hebrew for children", "entrepreneurship", "volunteers"],
        },
        "news": [
            {
                "slug": "hebrew-school-open-day",
                "days_ago": 2,
                "he": {
                    "title": "יום פתוח בבית הספר לעברית",
                    "intro": "הורים וילדים מוזמנים להכיר את המורות ולהתנסות בשיעור.",
                    "body": "<p>בית הספר פועל בימי ראשון בבוקר, בשלוש קבוצות גיל. "
                    "השנה נוספה קבוצה לבני נוער שמתכוננים לבחינה בעברית.</p>",
                    "author": "טל ורד",
                },
                "en": {
                    "title": "Open day at the Hebrew school",
                    "intro": "Parents and children are invited to meet the teachers "
                    "and try a lesson.",
                    "body": "<p>The school meets on Sunday mornings in three age "
                    "groups. This year a group has been added for teenagers preparing "
                    "for a Hebrew exam.</p>",
                    "author": "Tal Vered",
                },
            },
            {
                "slug": "entrepreneurs-meetup",
                "days_ago": 15,
                "he": {
                    "title": "סיכום מפגש היזמים",
                    "intro": "שלושה יזמים מהקהילה הציגו את המיזמים שלהם, ועשרות "
                    "נשארו לשיחות.",
                    "body": "<p>המפגש הבא יעסוק בפתיחת עסק קטן בהולנד. רוצים להציג? "
                    "כתבו לצוות.</p>",
                    "author": "נועם אשכנזי",
                },
                "en": {
                    "title": "Entrepreneurs' meetup: a recap",
                    "intro": "Three entrepreneurs from the community presented their "
                    "ventures, and dozens stayed on to talk.",
                    "body": "<p>The next meetup will be about starting a small "
                    "business in the Netherlands. Want to present? Write to the "
                    "team.</p>",
                    "author": "Noam Ashkenazi",
                },
            },
        ],
        "event": {
            "slug": "hebrew-at-home-online",
            "days_ahead": 5,
            "hour": 20,
            "minutes": 60,
            "online_url": "https://meet.example.org/tealot-parents",
            "he": {
                "title": "ערב הורים מקוון: עברית בבית",
                "intro": "איך שומרים על העברית כששפת הבית ושפת הסביבה שונות? שיחה "
                "עם מורה ותיקה.",
            },
            "en": {
                "title": "Online parents' evening: Hebrew at home",
                "intro": "How do you keep Hebrew alive when home and surroundings "
                "speak different languages? A conversation with an experienced "
                "teacher.",
            },
        },
    },
    {
        "slug": "vienna",
        "country": "AT",
        "latitude": "48.208176",
        "longitude": "16.373819",
        "time_zone": "Europe/Vienna",
        "network_member": False,
        "languages": ["he", "de"],
        "contact_email": "danuba@example.org",
        "contact_phone": "+43 1 555 0190",
        "website": "https://danuba.example.org/",
        "people": [
            {
                "name": {"he": "גלית מזרחי", "en": "Galit Mizrahi"},
                "role": {"he": "מייסדת הקהילה", "en": "Community founder"},
                "email": "galit@danuba.example.org",
            },
            {
                "name": {"he": "דניאל הופמן", "en": "Daniel Hoffmann"},
                "role": {"he": "מוביל מתנדבים", "en": "Volunteer leader"},
                "email": "daniel@danuba.example.org",
            },
        ],
        "he": {
            "title": "דנובה – הקהילה הישראלית בווינה",
            "city": "וינה",
            "short_description": "קהילה שותפה של ישראלים בווינה, עם הרכב מוזיקלי, "
            "ערבי חג ומועדון הורים.",
            "address": "Praterstraße 48, 1020 Wien",
            "about": "<p>דנובה משתפת פעולה עם הרשת בהכשרות ועדיין אינה חברה בה. "
            "פעילות הדגל שלה היא הרכב של חברי הקהילה שמופיע בערבי חג.</p>",
            "people_heading": "אנשי קשר",
            "quote": "בכל ערב חג אנחנו מגלים עוד ישראלים שגרים ברחוב הסמוך.",
            "quote_by": "גלית מזרחי, מייסדת הקהילה",
            "tags": ["מוזיקה", "חגים", "משפחות"],
        },
        "en": {
            "title": "Danuba – the Israeli community in Vienna",
            "city": "Vienna",
            "short_description": "A partner community of Israelis in Vienna, with a "
            "music ensemble, holiday evenings and a parents' club.",
            "address": "Praterstraße 48, 1020 Wien",
            "about": "<p>Danuba works with the network on training but is not yet a "
            "member. Its flagship activity is an ensemble of community members that "
            "performs at holiday evenings.</p>",
            "people_heading": "Contacts",
            "quote": "At every holiday evening we discover more Israelis living on "
            "the next street.",
            "quote_by": "Galit Mizrahi, community founder",
            "tags": ["music", "holidays", "families"],
        },
        "news": [
            {
                "slug": "ensemble-needs-musicians",
                "days_ago": 12,
                "he": {
                    "title": "ההרכב המוזיקלי מחפש נגנים",
                    "intro": "דרושים כינור, תופים וזמרים לקראת ערב החג הבא.",
                    "body": "<p>החזרות מתקיימות פעם בשבועיים, ביום רביעי בערב. לא "
                    "צריך לקרוא תווים, רק לאהוב לנגן.</p>",
                    "author": "דניאל הופמן",
                },
                "en": {
                    "title": "The ensemble is looking for musicians",
                    "intro": "Violin, drums and singers wanted for the next holiday "
                    "evening.",
                    "body": "<p>Rehearsals are every other Wednesday evening. You "
                    "don't need to read music, just love to play.</p>",
                    "author": "Daniel Hoffmann",
                },
            },
        ],
        "event": {
            "slug": "holiday-evening",
            "days_ahead": 20,
            "hour": 18,
            "minutes": 150,
            "he": {
                "title": "ערב חג עם ההרכב של דנובה",
                "intro": "שירי חג, כיבוד ביתי ופינת יצירה לילדים.",
                "venue": "Gemeindesaal Leopoldstadt",
                "address": "Praterstraße 48, 1020 Wien",
            },
            "en": {
                "title": "Holiday evening with the Danuba ensemble",
                "intro": "Holiday songs, home-made refreshments and a craft corner for "
                "children.",
                "venue": "Gemeindesaal Leopoldstadt",
                "address": "Praterstraße 48, 1020 Wien",
            },
        },
    },
    {
        "slug": "prague",
        "country": "CZ",
        "latitude": "50.075538",
        "longitude": "14.437800",
        "time_zone": "Europe/Prague",
        "network_member": False,
        "languages": ["he", "cs", "en"],
        "contact_email": "panas@example.org",
        "contact_phone": "+420 555 010 120",
        "website": "https://panas.example.org/",
        "people": [
            {
                "name": {"he": "אביטל נחום", "en": "Avital Nahum"},
                "role": {"he": "מייסדת הקהילה", "en": "Community founder"},
                "email": "avital@panas.example.org",
            },
            {
                "name": {"he": "יונתן קרמר", "en": "Yonatan Kramer"},
                "role": {"he": "גזבר", "en": "Treasurer"},
                "email": "yonatan@panas.example.org",
            },
        ],
        "he": {
            "title": "פנס – ישראלים בפראג",
            "city": "פראג",
            "short_description": "קהילה בהקמה: קבוצת ישראלים בפראג שבונה את המסגרת "
            "הראשונה שלה בליווי הרשת.",
            "address": "",
            "about": "<p>פנס נמצאת בשנתה הראשונה. צוות ההקמה השתתף בסדנת המייסדים "
            "של הרשת, ועכשיו הוא מגבש ועד, תקציב ראשון ותוכנית פעילות לשנה.</p>",
            "people_heading": "צוות ההקמה",
            "quote": "התחלנו כקבוצת וואטסאפ, ועכשיו אנחנו כותבים תקנון.",
            "quote_by": "אביטל נחום, מייסדת הקהילה",
            "tags": ["ייסוד קהילה", "עברית", "תרבות"],
        },
        "en": {
            "title": "Panas – Israelis in Prague",
            "city": "Prague",
            "short_description": "A community in the making: a group of Israelis in "
            "Prague building its first framework with the network's guidance.",
            "address": "",
            "about": "<p>Panas is in its first year. The founding team took part in "
            "the network's founders' workshop and is now forming a committee, a "
            "first budget and a programme for the year.</p>",
            "people_heading": "Founding team",
            "quote": "We started as a WhatsApp group, and now we're writing bylaws.",
            "quote_by": "Avital Nahum, community founder",
            "tags": ["founding a community", "Hebrew", "culture"],
        },
        "news": [
            {
                "slug": "founding-meeting",
                "days_ago": 9,
                "he": {
                    "title": "אספת היסוד של הקהילה",
                    "intro": "ארבעים ושניים משתתפים בחרו ועד ראשון ואישרו את מטרות "
                    "הקהילה.",
                    "body": "<p>בחודש הקרוב ייפגש הוועד עם צוות ההכשרה של הרשת כדי "
                    "לבנות תוכנית עבודה. מי שרוצה להתנדב מוזמן לכתוב לנו.</p>",
                    "author": "אביטל נחום",
                },
                "en": {
                    "title": "The community's founding meeting",
                    "intro": "Forty-two participants elected a first committee and "
                    "approved the community's aims.",
                    "body": "<p>Over the coming month the committee will meet the "
                    "network's training team to build a work plan. Anyone who wants "
                    "to volunteer is welcome to write to us.</p>",
                    "author": "Avital Nahum",
                },
            },
        ],
        "event": {
            "slug": "hebrew-cafe",
            "days_ahead": 4,
            "hour": 18,
            "minutes": 120,
            "he": {
                "title": "קפה עברית",
                "intro": "שיחה חופשית בעברית בכל הרמות, גם למשפחות מעורבות ולבני זוג "
                "שלומדים עברית.",
                "venue": "Kavárna U Lampy",
                "address": "Vinohradská 60, Praha 2",
            },
            "en": {
                "title": "Hebrew café",
                "intro": "Casual conversation in Hebrew at every level, including for "
                "mixed families and partners learning Hebrew.",
                "venue": "Kavárna U Lampy",
                "address": "Vinohradská 60, Praha 2",
            },
        },
    },
    {
        "slug": "budapest",
        "country": "HU",
        "latitude": "47.497913",
        "longitude": "19.040236",
        "time_zone": "Europe/Budapest",
        "network_member": True,
        "languages": ["he", "hu", "en"],
        "contact_email": "shnei-gadot@example.org",
        "contact_phone": "+36 1 555 0150",
        "website": "https://shnei-gadot.example.org/",
        "people": [
            {
                "name": {"he": "אסף ברגר", "en": "Asaf Berger"},
                "role": {"he": "מייסד הקהילה", "en": "Community founder"},
                "email": "asaf@shnei-gadot.example.org",
            },
            {
                "name": {"he": "נטע שחר", "en": "Neta Shahar"},
                "role": {"he": "רכזת נוער", "en": "Youth coordinator"},
                "email": "neta@shnei-gadot.example.org",
            },
        ],
        "he": {
            "title": "שני גדות – ישראלים בבודפשט",
            "city": "בודפשט",
            "short_description": "קהילה ישראלית משני צידי הדנובה: חוג עברית לילדים, "
            "קבוצת ריצה ומפגשי חג.",
            "address": "Király utca 40, 1061 Budapest",
            "about": "<p>שני גדות הצטרפה לרשת השנה, אחרי שלוש שנות פעילות עצמאית. "
            "הקהילה מפעילה חוג עברית לילדים, קבוצת ריצה שבועית וארוחות חג "
            "פתוחות.</p>",
            "people_heading": "אנשי קשר",
            "quote": "הריצה של יום שישי בבוקר היא המקום שבו נולדים כל הרעיונות.",
            "quote_by": "נטע שחר, רכזת הנוער",
            "tags": ["נוער", "חגים", "ספורט"],
        },
        "en": {
            "title": "Shnei Gadot – Israelis in Budapest",
            "city": "Budapest",
            "short_description": "An Israeli community on both banks of the Danube: a "
            "Hebrew class for children, a running group and holiday gatherings.",
            "address": "Király utca 40, 1061 Budapest",
            "about": "<p>Shnei Gadot joined the network this year after three years "
            "of independent activity. It runs a Hebrew class for children, a weekly "
            "running group and open holiday meals.</p>",
            "people_heading": "Contacts",
            "quote": "The Friday-morning run is where all the ideas are born.",
            "quote_by": "Neta Shahar, youth coordinator",
            "tags": ["youth", "holidays", "sport"],
        },
        "news": [
            {
                "slug": "running-group-turns-one",
                "days_ago": 7,
                "he": {
                    "title": "קבוצת הריצה חוגגת שנה",
                    "intro": "בכל יום שישי בבוקר רצים יחד חמישה קילומטרים לאורך "
                    "הנהר.",
                    "body": "<p>הקבוצה פתוחה לכל הרמות, ויש גם מסלול הליכה. אחרי "
                    "הריצה נפגשים לקפה בבית קפה סמוך.</p>",
                    "author": "נטע שחר",
                },
                "en": {
                    "title": "The running group turns one",
                    "intro": "Every Friday morning we run five kilometres together "
                    "along the river.",
                    "body": "<p>The group is open to all levels, and there is a "
                    "walking route too. After the run we meet for coffee at a nearby "
                    "café.</p>",
                    "author": "Neta Shahar",
                },
            },
        ],
        "event": {
            "slug": "riverbank-clean-up",
            "days_ahead": 18,
            "hour": 10,
            "minutes": 240,
            "he": {
                "title": "יום התנדבות לבני נוער על גדת הנהר",
                "intro": "בני הנוער של הקהילה מצטרפים למתנדבים מקומיים לניקוי גדת "
                "הדנובה.",
                "venue": "נקודת מפגש: גשר מרגיט, בצד של פשט",
                "address": "Margit híd, Budapest",
            },
            "en": {
                "title": "Youth volunteering day on the riverbank",
                "intro": "The community's teenagers join local volunteers to clean up "
                "the bank of the Danube.",
                "venue": "Meeting point: Margaret Bridge, Pest side",
                "address": "Margit híd, Budapest",
            },
        },
    },
]

# Demo logins, one per role. ``roles`` become approved memberships of ``community``;
# ``pending`` opens a join request instead. Emails are ``<username>@example.org``.
NETWORK_STAFF_GROUP = "Network staff"
USERS = [
    {"username": "admin", "first_name": "Noga", "last_name": "Admin",
     "superuser": True, "label": "network staff (superuser)"},
    {"username": "staff", "first_name": "Hila", "last_name": "Peretz",
     "network_staff": True, "label": "network staff"},
    {"username": "haifa.editor", "first_name": "Maya", "last_name": "Cohen",
     "community": "haifa", "roles": ["member", "editor"]},
    {"username": "haifa.moderator", "first_name": "Karim", "last_name": "Nassar",
     "community": "haifa", "roles": ["member", "moderator"]},
    {"username": "haifa.member", "first_name": "Eli", "last_name": "Ben David",
     "community": "haifa", "roles": ["member"]},
    {"username": "haifa.director", "first_name": "Ronit", "last_name": "Alon",
     "community": "haifa", "roles": ["member", "center_director"]},
    {"username": "berlin.editor", "first_name": "Yael", "last_name": "Barak",
     "community": "berlin", "roles": ["member", "community_founder", "editor"]},
    {"username": "berlin.moderator", "first_name": "Michal", "last_name": "Raz",
     "community": "berlin", "roles": ["member", "treasurer", "moderator"]},
    {"username": "berlin.youth", "first_name": "Omer", "last_name": "Golan",
     "community": "berlin", "roles": ["member", "youth_coordinator"]},
    {"username": "berlin.newcomer", "first_name": "Shai", "last_name": "Avraham",
     "community": "berlin", "pending": True,
     "message": "עברנו לברלין החודש עם שני ילדים ונשמח להצטרף לגן העברי."},
]
