"""Sentence and headline templates of the demo world, written for Khabar.

Paired templates exist in French and Arabic (the bilingual outlet renders both
from one plan, so its two language versions are translations of each other);
French-only templates add variety, and the characters that distinguish
windows-1252 from latin-1 (’ “ ” œ … €), for the French outlets.

Placeholders such as ``{ville}`` are filled by :mod:`crawler.demo.texts`.
"""

# ruff: noqa: E501
# Reason: one template per line reads better than wrapped strings.
from __future__ import annotations

from dataclasses import dataclass

TOPICS: tuple[str, ...] = ("politique", "economie", "culture", "sport", "environnement")


@dataclass(frozen=True)
class Phrase:
    """One template; ``ar`` is ``None`` for French-only templates."""

    fr: str
    ar: str | None = None


def _pairs(*items: tuple[str, str]) -> tuple[Phrase, ...]:
    return tuple(Phrase(fr, ar) for fr, ar in items)


def _french(*items: str) -> tuple[Phrase, ...]:
    return tuple(Phrase(fr) for fr in items)


PAIRED_SENTENCES: dict[str, tuple[Phrase, ...]] = {
    "politique": _pairs(
        ("Le gouvernement a annoncé à {ville} une série de mesures destinées à renforcer la transparence dans la gestion des fonds publics.",
         "أعلنت الحكومة في {ville} عن سلسلة من الإجراءات الرامية إلى تعزيز الشفافية في تسيير الأموال العمومية."),
        ("Lors d’une conférence de presse, {homme} a estimé que cette décision ouvrait « une nouvelle étape du dialogue » avec les partis politiques.",
         "وخلال مؤتمر صحفي، اعتبر {homme} أن هذا القرار يفتح «مرحلة جديدة من الحوار» مع الأحزاب السياسية."),
        ("L’opposition réclame de son côté une concertation nationale avant la fin de l’année et dénonce un calendrier jugé trop serré.",
         "ومن جهتها، تطالب المعارضة بتشاور وطني قبل نهاية السنة وتنتقد جدولا زمنيا تعتبره ضيقا للغاية."),
        ("Des représentants de la société civile et des syndicats ont pris part à la réunion, qui s’est prolongée jusque tard dans la soirée.",
         "وشارك في الاجتماع ممثلون عن المجتمع المدني والنقابات، وقد استمر حتى ساعة متأخرة من المساء."),
        ("Pour plusieurs observateurs, le succès de cette initiative dépendra avant tout de la volonté des différents acteurs de tenir leurs engagements.",
         "ويرى عدد من المراقبين أن نجاح هذه المبادرة سيتوقف قبل كل شيء على إرادة مختلف الأطراف في الوفاء بالتزاماتها."),
        ("Le projet de loi sur la décentralisation devrait être examiné par les députés lors de la prochaine session parlementaire.",
         "ومن المنتظر أن يناقش النواب مشروع القانون المتعلق باللامركزية خلال الدورة البرلمانية المقبلة."),
        ("Ces annonces interviennent dans un contexte régional marqué par des défis sécuritaires croissants dans la bande sahélo-saharienne.",
         "وتأتي هذه الإعلانات في سياق إقليمي يتسم بتحديات أمنية متزايدة في منطقة الساحل والصحراء."),
        ("Selon un communiqué officiel, la commission chargée du dossier remettra son rapport final d’ici {n_semaines} semaines.",
         "وحسب بيان رسمي، ستقدم اللجنة المكلفة بالملف تقريرها النهائي في غضون {n_semaines} أسابيع."),
        ("À {ville}, les habitants interrogés se disent attentifs mais prudents, après plusieurs promesses restées sans suite ces dernières années.",
         "وفي {ville}، أبدى السكان الذين التقيناهم اهتماما حذرا بعد وعود عديدة لم تتحقق خلال السنوات الماضية."),
        ("Le Premier ministre doit recevoir dans les prochains jours les responsables des principales formations politiques du pays.",
         "ومن المقرر أن يستقبل الوزير الأول خلال الأيام المقبلة قادة أبرز التشكيلات السياسية في البلاد."),
    ),
    "economie": _pairs(
        ("Les services des douanes de {ville} ont enregistré une hausse sensible du volume des échanges commerciaux au cours des derniers mois.",
         "سجلت مصالح الجمارك في {ville} ارتفاعا ملحوظا في حجم المبادلات التجارية خلال الأشهر الأخيرة."),
        ("L’économiste {homme} explique que la baisse des cours des matières premières a pesé lourdement sur le budget de l’État.",
         "ويوضح الخبير الاقتصادي {homme} أن تراجع أسعار المواد الأولية أثر بشكل كبير على ميزانية الدولة."),
        ("Les autorités cherchent à attirer davantage d’investissements étrangers dans les secteurs de l’énergie et des mines.",
         "وتسعى السلطات إلى جذب مزيد من الاستثمارات الأجنبية في قطاعي الطاقة والمعادن."),
        ("Sur les marchés, les ménages se plaignent de la flambée des prix du riz, du sucre et de l’huile, qui grignote leur pouvoir d’achat.",
         "وفي الأسواق، تشتكي الأسر من الارتفاع الكبير في أسعار الأرز والسكر والزيت، مما يضعف قدرتها الشرائية."),
        ("La banque centrale a décidé de maintenir son taux directeur inchangé, invoquant la nécessité de contenir l’inflation.",
         "وقرر البنك المركزي الإبقاء على سعر الفائدة الرئيسي دون تغيير، مشيرا إلى ضرورة التحكم في التضخم."),
        ("La pêche reste une source d’emplois essentielle pour des milliers de familles, le long du fleuve comme sur le littoral.",
         "ويظل الصيد مصدرا أساسيا لفرص العمل بالنسبة لآلاف الأسر، سواء على ضفاف النهر أو على الساحل."),
        ("Le coût total du projet est estimé à {montant_usd} millions de dollars, financés en partie par des partenaires internationaux.",
         "وتقدر التكلفة الإجمالية للمشروع بنحو {montant_usd} مليون دولار، يمول جزء منها من طرف شركاء دوليين."),
        ("Selon les chiffres officiels, la croissance devrait atteindre {pourcent} cette année, portée par l’agriculture et les services.",
         "وحسب الأرقام الرسمية، من المتوقع أن يبلغ النمو {pourcent} هذه السنة بفضل الزراعة والخدمات."),
        ("Les jeunes entrepreneurs de {ville} réclament un meilleur accès au crédit et une simplification des démarches administratives.",
         "ويطالب رواد الأعمال الشباب في {ville} بتسهيل الحصول على القروض وتبسيط الإجراءات الإدارية."),
        ("La chambre de commerce prévoit d’organiser un forum régional consacré aux petites et moyennes entreprises au début de l’année prochaine.",
         "وتعتزم غرفة التجارة تنظيم منتدى إقليمي مخصص للمؤسسات الصغيرة والمتوسطة في بداية السنة المقبلة."),
    ),
    "culture": _pairs(
        ("Un festival consacré aux musiques traditionnelles et à la poésie populaire s’est ouvert {jour} soir à {ville}.",
         "افتتح مساء {jour} في {ville} مهرجان مخصص للموسيقى التقليدية والشعر الشعبي."),
        ("Le musicien {homme} a livré une prestation saluée par un public venu nombreux malgré la chaleur.",
         "وقدم الفنان {homme} عرضا لقي استحسان جمهور غفير حضر رغم الحرارة."),
        ("Le programme comprend des débats, une foire du livre et une exposition de photographies consacrée à la vie nomade.",
         "ويتضمن البرنامج نقاشات ومعرضا للكتاب ومعرضا للصور الفوتوغرافية مخصصا لحياة البدو الرحل."),
        ("« La culture reste un pont entre les peuples de la région », a rappelé la romancière {femme} lors de la cérémonie d’ouverture.",
         "وقالت الروائية {femme} خلال حفل الافتتاح إن «الثقافة تبقى جسرا بين شعوب المنطقة»."),
        ("Le ministère de la Culture poursuit la restauration des manuscrits anciens conservés dans les bibliothèques familiales.",
         "وتواصل وزارة الثقافة ترميم المخطوطات القديمة المحفوظة في المكتبات العائلية."),
        ("Les organisateurs espèrent faire de cette manifestation un rendez-vous annuel, capable d’attirer des visiteurs de toute la sous-région.",
         "ويأمل المنظمون أن تتحول هذه التظاهرة إلى موعد سنوي قادر على استقطاب الزوار من كامل المنطقة."),
        ("Une troupe de jeunes comédiens a présenté une pièce inspirée des contes que les grands-mères racontaient autrefois sous la tente.",
         "وقدمت فرقة من الممثلين الشباب مسرحية مستوحاة من الحكايات التي كانت الجدات يروينها قديما تحت الخيمة."),
        ("Plusieurs artisans ont profité de l’événement pour présenter des bijoux, des tapis et des objets en cuir travaillés à la main.",
         "واستغل عدد من الحرفيين هذا الحدث لعرض الحلي والزرابي والمصنوعات الجلدية اليدوية."),
        ("Le cinéaste {homme} prépare un documentaire sur les anciennes cités caravanières, dont le tournage doit débuter au printemps.",
         "ويحضر المخرج {homme} فيلما وثائقيا عن مدن القوافل القديمة، ومن المقرر أن يبدأ تصويره في فصل الربيع."),
        ("L’entrée est gratuite pour les élèves et les étudiants, a précisé la direction du centre culturel.",
         "وأوضحت إدارة المركز الثقافي أن الدخول مجاني بالنسبة للتلاميذ والطلاب."),
    ),
    "sport": _pairs(
        ("{equipe} a battu {equipe2} sur le score de {score} au terme d’un match disputé.",
         "تغلب فريق {equipe} على {equipe2} بنتيجة {score} في مباراة قوية."),
        ("Le but de la victoire a été inscrit par {homme} dans les dernières minutes de la rencontre.",
         "وسجل اللاعب {homme} هدف الفوز في الدقائق الأخيرة من اللقاء."),
        ("L’entraîneur a salué l’état d’esprit de son groupe et le soutien d’un public qui n’a jamais cessé de chanter.",
         "وأشاد المدرب بروح المجموعة وبدعم الجمهور الذي لم يتوقف عن التشجيع."),
        ("L’équipe nationale prépare désormais un match décisif comptant pour les éliminatoires de la Coupe d’Afrique des nations.",
         "ويستعد المنتخب الوطني الآن لخوض مباراة حاسمة ضمن تصفيات كأس أمم إفريقيا."),
        ("La fédération assure vouloir continuer à investir dans la formation des jeunes joueurs et dans la rénovation des terrains.",
         "وأكد الاتحاد أنه سيواصل الاستثمار في تكوين اللاعبين الشباب وتأهيل الملاعب."),
        ("La rencontre s’est déroulée au stade olympique de {ville}, dans une ambiance électrique.",
         "وجرت المباراة في الملعب الأولمبي بمدينة {ville} وسط أجواء حماسية."),
        ("Avec ce résultat, le club remonte à la {rang} place du classement, à {n_points} points du leader.",
         "وبهذه النتيجة، يرتقي الفريق إلى المركز {rang} في الترتيب، على بعد {n_points} نقاط من المتصدر."),
        ("La sélection féminine de basket-ball a, elle aussi, remporté son tournoi préparatoire disputé à {ville2}.",
         "كما فاز منتخب كرة السلة للسيدات بالدورة التحضيرية التي جرت في {ville2}."),
        ("Le marathon de {ville} a réuni cette année plus de {n_coureurs} coureurs, un record selon les organisateurs.",
         "وشارك في ماراثون {ville} هذه السنة أكثر من {n_coureurs} عداء، وهو رقم قياسي حسب المنظمين."),
        ("Blessé à la cheville, le capitaine {homme} devrait manquer les deux prochaines rencontres.",
         "ومن المرجح أن يغيب القائد {homme} عن المباراتين المقبلتين بسبب إصابة في الكاحل."),
    ),
    "environnement": _pairs(
        ("Les régions de l’Est font face à une sécheresse qui a durement touché les pâturages et les points d’eau.",
         "تواجه المناطق الشرقية موجة جفاف أثرت بشدة على المراعي ونقاط المياه."),
        ("Les services météorologiques mettent en garde contre une hausse des températures, qui pourraient dépasser {temp} degrés dans les prochains jours.",
         "وحذرت مصالح الأرصاد الجوية من ارتفاع درجات الحرارة التي قد تتجاوز {temp} درجة خلال الأيام المقبلة."),
        ("Les autorités ont lancé une campagne de plantation d’arbres dans le cadre du projet de la Grande Muraille verte.",
         "وأطلقت السلطات حملة لغرس الأشجار في إطار مشروع السور الأخضر الكبير."),
        ("Les agriculteurs expliquent que le retard des pluies a entraîné une baisse des récoltes cette saison.",
         "ويقول المزارعون إن تأخر الأمطار أدى إلى تراجع المحاصيل خلال هذا الموسم."),
        ("Des organisations humanitaires acheminent de l’eau potable vers les villages les plus touchés, parfois à dos de chameau.",
         "وتعمل منظمات إنسانية على إيصال مياه الشرب إلى القرى الأكثر تضررا، أحيانا على ظهور الإبل."),
        ("Pour le chercheur {homme}, le changement climatique impose de repenser les méthodes agricoles traditionnelles.",
         "ويرى الباحث {homme} أن التغير المناخي يفرض إعادة التفكير في أساليب الزراعة التقليدية."),
        ("Les éleveurs ont entamé leur transhumance plus tôt que d’habitude, à la recherche de zones plus clémentes vers le sud.",
         "وبدأ المنمون رحلة الانتجاع في وقت أبكر من المعتاد بحثا عن مناطق أكثر ملاءمة في الجنوب."),
        ("Une tempête de sable a fortement réduit la visibilité à {ville} et perturbé le trafic aérien pendant plusieurs heures.",
         "وتسببت عاصفة رملية في انخفاض كبير في مستوى الرؤية في {ville} وعطلت حركة الملاحة الجوية لعدة ساعات."),
        ("Un programme pilote doit équiper {n_ecoles} écoles rurales de panneaux solaires d’ici la fin de l’année.",
         "ومن المقرر أن يزود برنامج تجريبي {n_ecoles} مدرسة ريفية بألواح شمسية قبل نهاية السنة."),
        ("L’ingénieure {femme} plaide pour une meilleure gestion des nappes souterraines, de plus en plus sollicitées.",
         "وتدعو المهندسة {femme} إلى تحسين تسيير المياه الجوفية التي تتعرض لضغط متزايد."),
    ),
}

PAIRED_GENERIC: tuple[Phrase, ...] = _pairs(
    ("Contactées par notre rédaction, les autorités locales n’ont pas souhaité s’exprimer dans l’immédiat.",
     "ولم ترغب السلطات المحلية، التي اتصلت بها هيئة التحرير، في الإدلاء بأي تصريح في الوقت الحالي."),
    ("Cette question devrait revenir au centre des débats dans les semaines à venir.",
     "ومن المنتظر أن تعود هذه المسألة إلى صدارة النقاش خلال الأسابيع المقبلة."),
    ("Sur les réseaux sociaux, de nombreux internautes ont réagi à l’annonce, certains avec enthousiasme, d’autres avec scepticisme.",
     "وعلى مواقع التواصل الاجتماعي، تفاعل كثير من المستخدمين مع هذا الإعلان، بعضهم بحماس وآخرون بتشكيك."),
    ("Une réunion de suivi est prévue {jour} prochain à {ville} en présence des partenaires techniques et financiers.",
     "ومن المقرر عقد اجتماع للمتابعة يوم {jour} المقبل في {ville} بحضور الشركاء الفنيين والماليين."),
    ("Les chiffres publiés restent toutefois provisoires et pourraient être révisés après une enquête plus approfondie.",
     "غير أن الأرقام المنشورة تبقى مؤقتة وقد تخضع للمراجعة بعد تحقيق أكثر تعمقا."),
    ("« Nous ne pouvons plus attendre », résume {homme}, commerçant dans le centre-ville de {ville}.",
     "ويلخص {homme}، وهو تاجر في وسط مدينة {ville}، الوضع قائلا: «لم يعد بإمكاننا الانتظار»."),
    ("Dans les quartiers périphériques, beaucoup de familles attendent des mesures concrètes plutôt que de nouvelles promesses.",
     "وفي الأحياء الطرفية، تنتظر أسر كثيرة إجراءات ملموسة بدل وعود جديدة."),
    ("La délégation a ensuite visité plusieurs sites avant de regagner la capitale en fin d’après-midi.",
     "ثم زار الوفد عدة مواقع قبل أن يعود إلى العاصمة في آخر النهار."),
    ("Les partenaires régionaux suivent ce dossier avec attention, compte tenu de ses conséquences pour toute la sous-région.",
     "ويتابع الشركاء الإقليميون هذا الملف باهتمام نظرا لانعكاساته على المنطقة بأكملها."),
    ("Selon une source proche du dossier, plusieurs options restent sur la table et aucune décision définitive n’a encore été prise.",
     "وحسب مصدر مطلع على الملف، فإن عدة خيارات لا تزال مطروحة ولم يتخذ أي قرار نهائي بعد."),
    ("La population de {ville} a fortement augmenté au cours de la dernière décennie, ce qui accentue la pression sur les services publics.",
     "وقد ارتفع عدد سكان {ville} بشكل كبير خلال العقد الأخير، مما يزيد الضغط على الخدمات العمومية."),
    ("Une étudiante rencontrée à la sortie de l’université, {femme}, dit espérer « un vrai changement pour les jeunes ».",
     "وتقول الطالبة {femme}، التي التقيناها عند خروجها من الجامعة، إنها تأمل في «تغيير حقيقي لصالح الشباب»."),
    ("Les représentants des collectivités locales ont demandé à être associés plus étroitement à la mise en œuvre de ces décisions.",
     "وطالب ممثلو الجماعات المحلية بإشراكهم بشكل أوثق في تنفيذ هذه القرارات."),
    ("Plusieurs associations ont annoncé la création d’un comité de suivi chargé d’informer régulièrement la population.",
     "وأعلنت عدة جمعيات عن إنشاء لجنة متابعة تتولى إطلاع السكان بشكل منتظم على المستجدات."),
)

FRENCH_SENTENCES: dict[str, tuple[Phrase, ...]] = {
    "politique": _french(
        "« On nous parle de “réformes” depuis dix ans », ironise un syndicaliste rencontré devant la Bourse du travail de {ville}.",
        "Les manœuvres militaires conjointes prévues le mois prochain ont été confirmées par l’état-major, sans autre précision sur leur ampleur.",
        "La réforme du Code de la famille, longtemps repoussée, revient à l’ordre du jour… au grand soulagement des associations de femmes.",
        "Le rapport intitulé “{rapport}” dresse un constat sévère de la gestion des collectivités locales.",
        "Le chef de l’État a présenté ses vœux de concorde aux responsables religieux et coutumiers réunis au palais.",
    ),
    "economie": _french(
        "Les bailleurs européens ont promis une enveloppe de {n_meur} M€ sur trois ans, destinée en priorité aux infrastructures rurales.",
        "Le billet d’avion vers Paris dépasse désormais 600 €, une somme hors de portée pour beaucoup de familles.",
        "Les recettes fiscales ont progressé de {pourcent} sur les neuf premiers mois de l’année, selon le ministère des Finances.",
        "Au marché central de {ville}, les commerçants affirment que leur chiffre d’affaires a reculé de près d’un tiers depuis la rentrée.",
        "Les producteurs de coton attendent toujours le paiement de la dernière campagne, ce qui retarde l’achat des intrants.",
    ),
    "culture": _french(
        "Cette œuvre collective, fruit de deux années de travail, a ému les spectateurs jusqu’aux larmes.",
        "Le chœur de jeunes filles de {ville} a clôturé la soirée par un chant composé pour l’occasion.",
        "La bibliothèque municipale rouvrira ses portes après deux ans de travaux, avec un fonds enrichi de plusieurs milliers d’ouvrages.",
        "Le recueil “{recueil}” figure parmi les meilleures ventes de la rentrée littéraire, une première pour une maison d’édition locale.",
    ),
    "sport": _french(
        "Le club espère boucler son budget, estimé à {budget} €, grâce à l’arrivée de nouveaux sponsors.",
        "Le gardien {homme} a réalisé plusieurs arrêts décisifs en seconde période, sous l’ovation des tribunes.",
        "Le tournoi de lutte traditionnelle a attiré des milliers de spectateurs venus de tout le pays.",
        "Les supporters, eux, n’en démordent pas : « Cette saison sera la bonne »…",
    ),
    "environnement": _french(
        "Les images satellites montrent un net recul du couvert végétal… une tendance observée depuis plusieurs années déjà.",
        "Les pêcheurs du fleuve racontent des crues plus brutales et des saisons plus courtes qu’autrefois.",
        "Un programme de 12 M€ financé par des partenaires européens doit aider les communes à lutter contre l’ensablement.",
        "Au cœur de l’oasis, les palmiers souffrent du manque d’eau et de la remontée du sel.",
    ),
}

FRENCH_GENERIC: tuple[Phrase, ...] = _french(
    "Au cœur du débat figure la question de l’accès des jeunes à l’emploi.",
    "Sa sœur, enseignante à {ville}, décrit une rentrée « difficile mais pleine d’espoir ».",
    "Les discussions se poursuivent… et chacun attend désormais des actes.",
    "Il faudra, selon plusieurs élus, « remettre l’ouvrage sur le métier » et associer davantage les communes.",
    "Un responsable régional, qui a requis l’anonymat, parle d’un dossier « sensible » qu’il faudra traiter avec prudence.",
    "Les transporteurs, eux, redoutent une nouvelle hausse du prix du gasoil dans les semaines qui viennent.",
)

PAIRED_TITLES: dict[str, tuple[Phrase, ...]] = {
    "politique": _pairs(
        ("{ville} : le gouvernement promet plus de transparence dans la gestion publique",
         "{ville}: الحكومة تتعهد بمزيد من الشفافية في التسيير العمومي"),
        ("L’opposition réclame une concertation nationale avant la fin de l’année",
         "المعارضة تطالب بتشاور وطني قبل نهاية السنة"),
        ("Décentralisation : le projet de loi bientôt devant les députés",
         "اللامركزية: مشروع القانون قريبا أمام النواب"),
        ("Le Premier ministre consulte les partis sur le calendrier électoral",
         "الوزير الأول يستشير الأحزاب حول الجدول الزمني للانتخابات"),
        ("À {ville}, la société civile veut peser dans le dialogue politique",
         "في {ville}، المجتمع المدني يسعى إلى التأثير في الحوار السياسي"),
        ("Sécurité régionale : les ministres se réunissent à {ville2}",
         "الأمن الإقليمي: اجتماع للوزراء في {ville2}"),
    ),
    "economie": _pairs(
        ("Hausse des échanges commerciaux enregistrée par les douanes de {ville}",
         "ارتفاع المبادلات التجارية المسجلة لدى جمارك {ville}"),
        ("La banque centrale maintient son taux directeur",
         "البنك المركزي يبقي على سعر الفائدة الرئيسي"),
        ("Flambée des prix : les ménages de {ville} sous pression",
         "ارتفاع الأسعار: ضغط متزايد على أسر {ville}"),
        ("Énergie et mines : l’État mise sur les investisseurs étrangers",
         "الطاقة والمعادن: الدولة تراهن على المستثمرين الأجانب"),
        ("Les jeunes entrepreneurs de {ville} réclament l’accès au crédit",
         "رواد الأعمال الشباب في {ville} يطالبون بتسهيل الحصول على القروض"),
        ("Croissance : des prévisions revues à la hausse",
         "النمو: مراجعة التوقعات نحو الارتفاع"),
    ),
    "culture": _pairs(
        ("{ville} célèbre les musiques traditionnelles et la poésie populaire",
         "{ville} تحتفي بالموسيقى التقليدية والشعر الشعبي"),
        ("Les manuscrits anciens au cœur d’un programme de restauration",
         "المخطوطات القديمة في صلب برنامج للترميم"),
        ("Un documentaire sur les cités caravanières en préparation",
         "فيلم وثائقي عن مدن القوافل قيد التحضير"),
        ("Théâtre : les contes d’autrefois revisités par de jeunes comédiens",
         "المسرح: ممثلون شباب يعيدون إحياء حكايات الماضي"),
        ("Artisanat : bijoux, tapis et cuir à l’honneur à {ville}",
         "الصناعة التقليدية: الحلي والزرابي والجلود في الواجهة بمدينة {ville}"),
        ("Le centre culturel de {ville} ouvre gratuitement ses portes aux élèves",
         "المركز الثقافي في {ville} يفتح أبوابه مجانا للتلاميذ"),
    ),
    "sport": _pairs(
        ("Football : {equipe} s’impose contre {equipe2}",
         "كرة القدم: {equipe} يتغلب على {equipe2}"),
        ("Éliminatoires de la CAN : l’équipe nationale se prépare",
         "تصفيات كأس إفريقيا: المنتخب الوطني يستعد"),
        ("Marathon de {ville} : un record de participation",
         "ماراثون {ville}: مشاركة قياسية"),
        ("Basket-ball : la sélection féminine remporte son tournoi",
         "كرة السلة: منتخب السيدات يفوز بالدورة"),
        ("Blessure : le capitaine {homme} forfait pour deux matchs",
         "إصابة: القائد {homme} يغيب عن مباراتين"),
        ("La fédération mise sur la formation des jeunes à {ville}",
         "الاتحاد يراهن على تكوين الشباب في {ville}"),
    ),
    "environnement": _pairs(
        ("Sécheresse : les pâturages de l’Est menacés",
         "الجفاف يهدد المراعي في الشرق"),
        ("Vague de chaleur : jusqu’à {temp} degrés attendus",
         "موجة حر: درجات حرارة قد تصل إلى {temp} درجة"),
        ("Grande Muraille verte : une nouvelle campagne de plantation à {ville}",
         "السور الأخضر الكبير: حملة جديدة لغرس الأشجار في {ville}"),
        ("Tempête de sable sur {ville}, le trafic aérien perturbé",
         "عاصفة رملية على {ville} وتعطل حركة الملاحة الجوية"),
        ("Transhumance précoce pour les éleveurs de la région de {ville}",
         "انتجاع مبكر لمنمي منطقة {ville}"),
        ("Des panneaux solaires pour {n_ecoles} écoles rurales",
         "ألواح شمسية لفائدة {n_ecoles} مدرسة ريفية"),
    ),
}

FRENCH_TITLES: dict[str, tuple[Phrase, ...]] = {
    "politique": _french(
        "Réforme du Code de la famille : le débat relancé",
        "Manœuvres conjointes : l’état-major confirme le calendrier",
        "{ville} : les élus locaux dénoncent le manque de moyens",
        "Ce que contient le rapport “{rapport}”",
    ),
    "economie": _french(
        "Coton : les producteurs attendent toujours leur paiement",
        "Recettes fiscales en hausse de {pourcent}",
        "Billet d’avion à plus de 600 € : les familles de {ville} renoncent au voyage",
    ),
    "culture": _french(
        "Le chœur de jeunes filles de {ville} fait salle comble",
        "La bibliothèque municipale de {ville} rouvre ses portes",
        "“{recueil}”, le succès surprise de la rentrée",
    ),
    "sport": _french(
        "Lutte traditionnelle : un tournoi qui fait le plein à {ville}",
        "{equipe} cherche de nouveaux sponsors",
    ),
    "environnement": _french(
        "Crues du fleuve : les pêcheurs de {ville} inquiets",
        "Le couvert végétal recule… et les éleveurs s’adaptent",
    ),
}

UPDATES: tuple[Phrase, ...] = _pairs(
    ("Mise à jour : dans un communiqué publié {jour} en fin de journée, le ministère a confirmé ces informations et annoncé de nouvelles précisions.",
     "تحديث: أكدت الوزارة هذه المعلومات في بيان نشر يوم {jour} في آخر النهار، وأعلنت عن توضيحات جديدة."),
    ("Mise à jour : après la publication de cet article, les organisateurs ont indiqué que le programme serait prolongé d’une semaine.",
     "تحديث: بعد نشر هذا المقال، أعلن المنظمون أن البرنامج سيمدد لأسبوع إضافي."),
    ("Mise à jour : les chiffres cités plus haut ont été corrigés après la diffusion d’un bilan officiel actualisé.",
     "تحديث: تم تصحيح الأرقام الواردة أعلاه بعد صدور حصيلة رسمية محينة."),
    ("Mise à jour : contacté après la publication, {homme} a tenu à nuancer ses propos, évoquant « un malentendu ».",
     "تحديث: بعد نشر المقال، حرص {homme} على توضيح تصريحاته، متحدثا عن «سوء فهم»."),
)

TAGS: dict[str, tuple[tuple[str, str], ...]] = {
    "politique": (("Gouvernement", "الحكومة"), ("Parlement", "البرلمان"), ("Élections", "الانتخابات"),
                  ("Décentralisation", "اللامركزية"), ("Sécurité", "الأمن"), ("Société civile", "المجتمع المدني")),
    "economie": (("Inflation", "التضخم"), ("Commerce", "التجارة"), ("Investissement", "الاستثمار"),
                 ("Emploi", "التشغيل"), ("Banque centrale", "البنك المركزي"), ("Mines", "المعادن")),
    "culture": (("Festival", "المهرجانات"), ("Musique", "الموسيقى"), ("Patrimoine", "التراث"),
                ("Cinéma", "السينما"), ("Livre", "الكتاب"), ("Artisanat", "الصناعة التقليدية")),
    "sport": (("Football", "كرة القدم"), ("CAN", "كأس إفريقيا"), ("Basket-ball", "كرة السلة"),
              ("Athlétisme", "ألعاب القوى"), ("Lutte", "المصارعة"), ("Fédération", "الاتحاد")),
    "environnement": (("Sécheresse", "الجفاف"), ("Climat", "المناخ"), ("Eau", "المياه"),
                      ("Agriculture", "الزراعة"), ("Élevage", "التنمية الحيوانية"), ("Énergie solaire", "الطاقة الشمسية")),
}

READER_COMMENTS: tuple[str, ...] = (
    "Merci pour cet article très complet, on attend la suite.",
    "Encore des promesses… On jugera sur les actes.",
    "Très bon reportage. Dommage qu’on ne parle pas davantage des régions de l’intérieur.",
    "Je confirme, la situation au marché est difficile depuis la rentrée.",
    "Bravo à toute l’équipe, c’est mérité !",
    "Il faudrait interroger aussi les jeunes, ce sont eux les premiers concernés.",
    "Article intéressant, mais les chiffres me paraissent optimistes.",
    "Qu’Allah facilite, le pays a besoin de calme et de travail.",
    "Enfin une bonne nouvelle ! Il était temps.",
    "Quelqu’un sait si l’entrée est vraiment gratuite pour tout le monde ?",
)

COMMENTERS: tuple[str, ...] = (
    "Boubou75", "Ami du Sahel", "Tiéba", "Citoyen lambda", "Mariam K.", "Le Vieux Lion",
    "Fanta_D", "Observateur", "Sékou de Kati", "Djeli",
)
