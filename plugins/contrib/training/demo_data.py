"""The training catalog of the demo network, as plain data (``demo.py`` builds it).

Courses are keyed by slug. Each session names its host community by the core demo
slug (``None``: network-wide), starts ``days_ahead`` days from today at a local
``hour`` in ``time_zone`` and lists the demo users registered for it, in order:
beyond the capacity they wait on the waitlist. ``deadline_days`` is the deadline
relative to now (negative: already passed), ``deadline_before`` days before start.
Course facts that exist in one language only (duration, provider, prerequisites)
are written in the language the course is taught in.
"""

#: Sessions of a community run in its country's time zone.
COUNTRY_ZONES = {
    "IL": "Asia/Jerusalem",
    "DE": "Europe/Berlin",
    "FR": "Europe/Paris",
    "NL": "Europe/Amsterdam",
    "AT": "Europe/Vienna",
    "CZ": "Europe/Prague",
    "HU": "Europe/Budapest",
}
PROVIDER = {"he": "צוות ההדרכה של קשתות", "en": "Keshatot training team"}

CATALOG = {
    "slug": "training",
    "he": {
        "title": "הכשרות",
        "intro": "סמינרים, סדנאות וליווי אישי לצוותים ולמתנדבים של הקהילות. "
        "ההרשמה פתוחה לחברי הקהילות; חלק מהמפגשים מיועדים לבעלי תפקידים.",
    },
    "en": {
        "title": "Training",
        "intro": "Seminars, workshops and mentoring for community teams and "
        "volunteers. Registration is open to community members; some sessions are "
        "for role holders only.",
    },
}

COURSES = [
    {
        "slug": "center-directors-leadership",
        "format": "seminar",
        "level": "advanced",
        "target_roles": ["center_director"],
        "duration": "יומיים",
        "prerequisites": "ניהול מרכז קהילתי או קהילה במשך שנה לפחות.",
        "he": {
            "title": "סמינר מנהיגות למנהלי מרכזים",
            "description": "יומיים של למידת עמיתים למנהלות ולמנהלי מרכזים קהילתיים: "
            "בניית צוות, עבודה מול הרשות המקומית והובלת שינוי בלי לאבד את "
            "השכונה בדרך.\nכל משתתף מביא אתגר אמיתי מהמרכז שלו, והקבוצה עובדת "
            "עליו יחד.",
        },
        "en": {
            "title": "Leadership seminar for center directors",
            "description": "Two days of peer learning for community center "
            "directors: building a team, working with the local authority and "
            "leading change without losing the neighbourhood on the way.\nEach "
            "participant brings a real challenge from their center and the group "
            "works on it together.",
        },
        "sessions": [
            {
                "community": "haifa",
                "days_ahead": 24,
                "hour": 9,
                "hours": 8,
                "capacity": 18,
                "venue": "מרכז קהילתי מצפה ים, אולם הסמינרים",
                "eligible_roles": ["center_director"],
                "deadline_before": 7,
                "registrations": ["haifa.director"],
            },
        ],
    },
    {
        "slug": "youth-coordinators-workshop",
        "format": "workshop",
        "level": "intermediate",
        "target_roles": ["youth_coordinator"],
        "duration": "מפגש אחד, 4 שעות",
        "he": {
            "title": "סדנת רכזי נוער: הפעלה בשגרה ובחירום",
            "description": "סדנה מעשית לרכזות ולרכזי נוער: איך שומרים על קבוצה "
            "פעילה כשהשגרה נשברת, איך מעבירים פעילות למרחב המוגן או למסך, ואיך "
            "נותנים לבני הנוער עצמם להוביל.\nנצא עם ערכת הפעלות מוכנה.",
        },
        "en": {
            "title": "Youth coordinators' workshop: activities in routine and "
            "emergency",
            "description": "A hands-on workshop for youth coordinators: keeping a "
            "group active when routine breaks down, moving an activity into the "
            "shelter or onto a screen, and letting the teenagers lead.\nYou leave "
            "with a ready-made activity kit.",
        },
        "sessions": [
            {
                "community": "berlin",
                "days_ahead": 12,
                "hour": 17,
                "hours": 4,
                "capacity": 3,
                "venue": "Nachbarschaftshaus Kreuzberg, Raum 2",
                "address": "Oranienstraße 25, Berlin",
                "registrations": [
                    "berlin.youth",
                    "berlin.editor",
                    "berlin.moderator",
                    "haifa.member",
                    "haifa.moderator",
                ],
            },
            {
                "community": "beer-sheva",
                "days_ahead": 33,
                "hour": 16,
                "hours": 4,
                "capacity": 20,
                "venue": "מרכז קהילתי גפנים, מועדון הנוער",
            },
        ],
    },
    {
        "slug": "volunteer-leaders-course",
        "format": "course",
        "level": "beginner",
        "target_roles": ["volunteer_leader"],
        "duration": "8 מפגשים מקוונים",
        "he": {
            "title": "קורס מובילי מתנדבים",
            "description": "שמונה מפגשי ערב על גיוס מתנדבים, קליטה, ליווי והוקרה. "
            "הקורס נבנה עם רכזי התנדבות ותיקים מהרשת ומתאים גם למי שמוביל קבוצה "
            'קטנה בקהילה בחו"ל.',
        },
        "en": {
            "title": "Volunteer leaders' course",
            "description": "Eight evening meetings on recruiting, welcoming, "
            "supporting and thanking volunteers. Designed with experienced "
            "volunteer coordinators from the network; suits people leading a small "
            "group in a community abroad too.",
        },
        "sessions": [
            {
                "community": None,
                "time_zone": "Asia/Jerusalem",
                "days_ahead": 10,
                "hour": 20,
                "hours": 2,
                "capacity": 40,
                "online": "https://meet.example.org/keshatot-volunteers",
                "registrations": ["haifa.member", "berlin.editor"],
            },
        ],
    },
    {
        "slug": "founding-a-community-abroad",
        "format": "mentoring",
        "level": "all",
        "target_roles": ["community_founder"],
        "duration": "חצי שנה, פגישה בחודש",
        "he": {
            "title": 'ליווי בהקמת קהילה ישראלית בחו"ל',
            "description": "חונכות אישית של מייסדי קהילות ותיקות למי שמקימים "
            "קהילה חדשה: ועד ראשון, מקום מפגש, תקציב ראשון והחגים הראשונים.\n"
            "המפגש הפותח נערך פנים אל פנים, ההמשך בשיחות וידאו.",
        },
        "en": {
            "title": "Mentoring: founding an Israeli community abroad",
            "description": "Personal mentoring by founders of established "
            "communities for people starting a new one: a first committee, a "
            "meeting place, a first budget and the first holidays.\nThe opening "
            "meeting is in person, the rest by video call.",
        },
        "sessions": [
            {
                "community": "prague",
                "days_ahead": 15,
                "hour": 18,
                "hours": 3,
                "capacity": 8,
                "venue": "Kavárna Kampa, salonek",
                "address": "Na Kampě 8, Praha",
            },
            {
                "community": "budapest",
                "days_ahead": 29,
                "hour": 18,
                "hours": 3,
                "capacity": 8,
                "venue": "Közösségi ház, Újlipótváros",
                "address": "Pozsonyi út 12, Budapest",
            },
        ],
    },
    {
        "slug": "hebrew-education-webinar",
        "format": "online",
        "level": "all",
        "target_roles": [],
        "duration": "שעה וחצי",
        "he": {
            "title": "וובינר: חינוך עברי מקוון לילדים בקהילה",
            "description": "מורות מבית הספר לעברית באמסטרדם משתפות מה עובד "
            "בשיעור עברית מקוון לילדים בני 5–12: משחקים, שירים ועבודה עם ההורים. "
            "פתוח לכל חברי הקהילות.",
        },
        "en": {
            "title": "Webinar: online Hebrew education for children",
            "description": "Teachers from the Amsterdam Hebrew school share what "
            "works in an online Hebrew class for children aged 5-12: games, songs "
            "and working with parents. Open to every community member.",
        },
        "sessions": [
            {
                "community": "amsterdam",
                "days_ahead": 6,
                "hour": 19,
                "hours": 1.5,
                "capacity": 100,
                "online": "https://meet.example.org/hebrew-at-home",
                "registrations": ["berlin.editor", "staff"],
            },
        ],
    },
    {
        "slug": "emergency-readiness-workshop",
        "format": "workshop",
        "level": "intermediate",
        "target_roles": ["center_director", "youth_coordinator"],
        "duration": "יום אחד",
        "he": {
            "title": "סדנת היערכות לחירום במרכז הקהילתי",
            "description": "סדנה של יום אחד בצוותי מרכז: מיפוי משפחות ותושבים "
            "שזקוקים לעזרה, חלוקת תפקידים בין הצוות למתנדבים, קשר עם הרשות "
            "והחזרה לשגרה.\nבהנחיית צוות החוסן של שלהבת, שצבר ניסיון רב בשנים "
            "האחרונות.",
        },
        "en": {
            "title": "Emergency-readiness workshop for community centers",
            "description": "A one-day workshop for center teams: mapping the "
            "families and residents who need help, dividing roles between staff "
            "and volunteers, keeping in touch with the municipality and returning "
            "to routine.\nLed by the Shalhevet resilience team, who have gained a "
            "great deal of experience in recent years.",
        },
        "sessions": [
            {
                "community": "kiryat-shmona",
                "days_ahead": 3,
                "hour": 9,
                "hours": 7,
                "capacity": 25,
                "venue": "מרכז קהילתי שלהבת, חדר הישיבות",
                "deadline_days": -1,
                "registrations": ["haifa.director", "haifa.editor"],
            },
            {
                "community": "jerusalem",
                "days_ahead": 40,
                "hour": 9,
                "hours": 7,
                "capacity": 25,
                "venue": "המרכז הקהילתי בירושלים, אולם א'",
                "deadline_before": 5,
            },
        ],
    },
    {
        "slug": "fundraising-for-centers",
        "format": "course",
        "level": "intermediate",
        "target_roles": ["center_director", "treasurer"],
        "duration": "4 מפגשים",
        "he": {
            "title": "גיוס משאבים למרכזים קהילתיים",
            "description": "ארבעה מפגשים על בניית תוכנית גיוס שנתית: קרנות, "
            "תורמים פרטיים, עסקים בשכונה וגיוס המוני. כל משתתף יוצא עם טיוטת "
            "בקשה לקרן.",
        },
        "en": {
            "title": "Fundraising for community centers",
            "description": "Four meetings on building a yearly fundraising plan: "
            "foundations, private donors, neighbourhood businesses and "
            "crowdfunding. Every participant leaves with a draft grant "
            "application.",
        },
        "sessions": [
            {
                "community": "jerusalem",
                "days_ahead": 18,
                "hour": 10,
                "hours": 3,
                "capacity": 16,
                "venue": "המרכז הקהילתי בירושלים, חדר 4",
                "price": "250",
                "currency": "ILS",
                "registrations": ["haifa.editor"],
            },
            {
                "community": "vienna",
                "days_ahead": 26,
                "hour": 18,
                "hours": 3,
                "capacity": 12,
                "venue": "Gemeinschaftsraum Leopoldstadt",
                "address": "Praterstraße 40, Wien",
                "price": "60",
                "currency": "EUR",
                "registrations": ["berlin.moderator"],
            },
        ],
    },
    {
        "slug": "board-governance",
        "format": "seminar",
        "level": "all",
        "language": "en",
        "target_roles": ["treasurer", "community_founder", "center_director"],
        "duration": "One evening",
        "he": {
            "title": "ממשל תקין בוועד המנהל",
            "description": "ערב בנושא ועד מנהל של עמותה קהילתית: תפקידי הוועד "
            "והצוות, ניגוד עניינים, דוחות כספיים שכל חבר ועד צריך להבין ושקיפות "
            "מול חברי הקהילה. הסמינר מתקיים באנגלית.",
        },
        "en": {
            "title": "Board governance for community associations",
            "description": "An evening on the board of a community association: "
            "the roles of the board and the staff, conflicts of interest, the "
            "financial reports every board member should understand and "
            "transparency towards members. Held in English.",
        },
        "sessions": [
            {
                "community": "paris",
                "days_ahead": 20,
                "hour": 19,
                "hours": 2.5,
                "capacity": 30,
                "venue": "Espace associatif du 11e",
                "address": "12 rue Saint-Maur, Paris",
                "registrations": ["berlin.moderator", "berlin.editor"],
            },
        ],
    },
]
