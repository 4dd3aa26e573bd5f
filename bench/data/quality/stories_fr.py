"""French news stories written for Khabar's extraction-quality corpus (fiction in the style of the
Maghreb and Sahel press; any resemblance of names to real people is chance)."""

STORIES_FR = [
    dict(
        slug="oran-dessalement", section="Économie", tags=["eau", "Oran", "dessalement"],
        title="Oran : la station de dessalement de Cap Blanc tourne enfin à plein régime",
        date="2026-10-14T08:30:00+01:00", authors=["Samir Benkhedda"], agencies=[],
        paragraphs=[
            "Après deux années de retards et de pannes à répétition, la station de dessalement de Cap Blanc fonctionne désormais à sa pleine capacité, a annoncé dimanche la direction de l'hydraulique de la wilaya d'Oran.",
            "L'usine produit depuis le début du mois trois cent mille mètres cubes d'eau par jour, de quoi couvrir près de la moitié des besoins de l'agglomération oranaise pendant l'été.",
            "Les coupures qui frappaient les quartiers de l'est de la ville, parfois pendant trois jours d'affilée, devraient cesser d'ici la fin de l'année, selon les services de l'Algérienne des eaux.",
            "Des habitants de Haï Sabah restent toutefois sceptiques. « On nous a déjà promis la même chose l'an dernier », confie un commerçant qui stocke toujours l'eau dans des citernes sur son toit.",
            "Le ministère des Ressources en eau prévoit la mise en service de deux autres stations dans l'Ouest du pays avant l'été prochain, pour un investissement total estimé à un milliard de dollars.",
        ]),
    dict(
        slug="bamako-rentree", section="Société", tags=["éducation", "Bamako"],
        title="Rentrée scolaire à Bamako : des classes de cent élèves dans les quartiers périphériques",
        date="2026-10-02T10:05:00+00:00", authors=["Aminata Traoré", "Boubacar Sidibé"], agencies=[],
        paragraphs=[
            "La rentrée des classes s'est déroulée jeudi dans un climat tendu à Bamako, où plusieurs écoles publiques des quartiers périphériques accueillent cette année plus de cent élèves par classe.",
            "À Kalaban Coura, le directeur d'une école fondamentale explique avoir dû installer des bancs supplémentaires dans la cour, faute de salles disponibles pour les nouveaux inscrits.",
            "Le syndicat national des enseignants dénonce un manque chronique de recrutements et réclame l'embauche de cinq mille maîtres contractuels avant la fin du trimestre.",
            "Le ministère de l'Éducation nationale assure que trois cents salles de classe préfabriquées seront livrées d'ici décembre dans les communes les plus touchées par la croissance démographique.",
        ]),
    dict(
        slug="tunis-startup", section="Économie", tags=["startups", "Tunisie", "financement"],
        title="Les start-up tunisiennes ont levé un montant record au troisième trimestre",
        date="2026-10-21T14:45:00+01:00", authors=["Yasmine Chaabane"], agencies=[],
        paragraphs=[
            "Les jeunes pousses tunisiennes ont levé près de quarante millions de dinars au cours du troisième trimestre, un niveau jamais atteint depuis l'adoption du Startup Act, selon un rapport publié mardi.",
            "Le secteur des technologies financières concentre à lui seul plus de la moitié des montants, porté par deux opérations menées par des fonds basés au Golfe et en Europe.",
            "Les entrepreneurs interrogés pointent néanmoins la lourdeur des procédures de change, qui compliquent toujours le rapatriement des fonds et la rémunération des développeurs installés à l'étranger.",
            "La Banque centrale a annoncé une concertation avec les représentants du secteur afin d'assouplir certaines règles dès le début de l'année prochaine.",
            "Pour les analystes, cette dynamique reste fragile et dépendra de la capacité du pays à retenir ses ingénieurs, dont plusieurs milliers partent chaque année travailler en Europe.",
        ]),
    dict(
        slug="niamey-inondations", section="Société", tags=["inondations", "Niger", "Niamey"],
        title="Niger : les inondations ont fait plus de soixante morts depuis juin",
        date="2026-09-08T16:20:00+01:00", authors=[], agencies=["AFP"],
        paragraphs=[
            "Les pluies diluviennes qui s'abattent sur le Niger depuis le mois de juin ont fait au moins soixante-deux morts et plus de quatre-vingt mille sinistrés, selon un bilan officiel communiqué lundi.",
            "La région de Maradi est la plus touchée, avec une vingtaine de victimes et des milliers d'habitations en banco effondrées, a précisé le ministère de l'Action humanitaire.",
            "À Niamey, le fleuve Niger a atteint un niveau proche du record de 2020 et plusieurs quartiers riverains ont été évacués à titre préventif.",
            "Les autorités ont appelé les habitants des zones inondables à rejoindre les sites d'accueil aménagés dans des écoles, alors que la saison des pluies doit se poursuivre jusqu'à la fin du mois.",
        ]),
    dict(
        slug="casablanca-tramway", section="Régions", tags=["transport", "Casablanca", "tramway"],
        title="Casablanca : la ligne 4 du tramway mise en service avant la date prévue",
        date="2026-06-30T09:00:00+01:00", authors=["Khadija Alaoui"], agencies=["MAP"],
        paragraphs=[
            "La quatrième ligne du tramway de Casablanca a été mise en service lundi, avec trois semaines d'avance sur le calendrier annoncé par la société de développement local chargée des transports.",
            "Longue de quatorze kilomètres, elle relie le quartier de Mers Sultan à la commune de Ben M'Sick et devrait transporter jusqu'à cent mille voyageurs par jour à terme.",
            "Les premiers usagers ont salué la fréquence des rames, une toutes les six minutes aux heures de pointe, mais regrettent l'absence de parkings relais aux terminus.",
            "La ville prévoit encore deux lignes de bus à haut niveau de service d'ici la fin de l'année prochaine, dans la perspective des grands événements sportifs attendus dans le Royaume.",
        ]),
    dict(
        slug="nouakchott-peche", section="Économie", tags=["pêche", "Mauritanie"],
        title="Pêche : la Mauritanie prolonge le repos biologique du poulpe",
        date="2026-11-03T11:10:00+00:00", authors=["Mohamed Salem Ould Ahmed"], agencies=[],
        paragraphs=[
            "Le ministère mauritanien des Pêches a décidé de prolonger de trois semaines l'arrêt biologique de la pêche au poulpe, invoquant l'état préoccupant des stocks observé lors de la dernière campagne scientifique.",
            "Cette décision suscite la colère des pêcheurs artisanaux de Nouadhibou, pour qui le poulpe représente l'essentiel des revenus de l'année.",
            "« Nous avons des dettes auprès des mareyeurs et nos familles attendent », explique le président d'une coopérative, qui demande une compensation financière de l'État.",
            "Selon l'Institut mauritanien de recherches océanographiques, les captures de juvéniles ont doublé en un an, signe d'une pression excessive sur la ressource.",
            "Le gouvernement promet un fonds d'appui aux pêcheurs artisanaux, sans en préciser ni le montant ni le calendrier.",
        ]),
    dict(
        slug="dakar-presidentielle-debat", section="Politique", tags=["Sénégal", "Assemblée nationale"],
        title="Sénégal : l'Assemblée adopte la loi sur l'accès à l'information après un débat houleux",
        date="2026-07-17T22:40:00+00:00", authors=["Ousmane Ndiaye"], agencies=[],
        paragraphs=[
            "L'Assemblée nationale sénégalaise a adopté dans la nuit de jeudi à vendredi la loi sur l'accès à l'information, au terme d'un débat de plus de dix heures marqué par de vifs échanges entre majorité et opposition.",
            "Le texte oblige les administrations à répondre dans un délai de trente jours à toute demande de document formulée par un citoyen ou un journaliste.",
            "Les députés de l'opposition ont dénoncé la liste des exceptions, qu'ils jugent trop large, notamment pour les contrats miniers et les dépenses de défense.",
            "Les organisations de la société civile, qui militaient depuis quinze ans pour cette loi, saluent une avancée mais promettent de rester vigilantes sur les décrets d'application.",
        ]),
    dict(
        slug="ouaga-coton", section="Économie", tags=["coton", "Burkina Faso", "agriculture"],
        title="Burkina Faso : la production de coton en hausse de 15 % malgré l'insécurité",
        date="2026-05-12T07:55:00+00:00", authors=["Issouf Ouédraogo"], agencies=["AIB"],
        paragraphs=[
            "La production de coton graine du Burkina Faso devrait atteindre cinq cent mille tonnes cette saison, soit une hausse de quinze pour cent sur un an, selon les estimations de l'interprofession.",
            "Cette progression s'explique par de bonnes pluies dans l'Ouest du pays et par la hausse du prix d'achat garanti aux producteurs, fixé à trois cents francs CFA le kilogramme.",
            "Dans les provinces de l'Est et du Nord, en revanche, de nombreux champs ont été abandonnés en raison de l'insécurité et des déplacements de populations.",
            "Les égreneurs s'inquiètent par ailleurs de la hausse du coût des intrants et du transport, qui pèse sur la compétitivité de la fibre burkinabè sur le marché mondial.",
        ]),
    dict(
        slug="alger-salon-livre", section="Culture", tags=["livre", "SILA", "Alger"],
        title="Salon du livre d'Alger : affluence record pour la 29e édition",
        date="2026-11-09T18:00:00+01:00", authors=["Nadia Cherif"], agencies=[],
        paragraphs=[
            "Le Salon international du livre d'Alger a refermé ses portes samedi après dix jours d'une affluence jamais vue, avec plus de cinq millions de visiteurs selon les organisateurs.",
            "Les stands des éditeurs de littérature jeunesse et de manuels parascolaires ont été pris d'assaut dès le premier week-end, provoquant de longues files d'attente à l'entrée du Palais des expositions.",
            "Les éditeurs algériens saluent une édition réussie, mais déplorent toujours le coût du papier importé, qui a doublé en trois ans et pèse sur le prix des ouvrages.",
            "Invitée d'honneur, la Mauritanie a présenté une centaine de titres en arabe, en français et en langues nationales, ainsi qu'une exposition consacrée aux manuscrits de Chinguetti.",
        ]),
    dict(
        slug="ndjamena-cholera", section="Santé", tags=["choléra", "Tchad", "santé"],
        title="Tchad : une campagne de vaccination contre le choléra lancée à N'Djamena",
        date="2026-08-19T12:30:00+01:00", authors=["Mahamat Abakar"], agencies=[],
        paragraphs=[
            "Le ministère tchadien de la Santé publique a lancé lundi une campagne de vaccination contre le choléra visant plus de six cent mille personnes dans quatre arrondissements de N'Djamena.",
            "Depuis le début de l'épidémie, à la mi-juillet, deux cent neuf cas ont été enregistrés, dont quatorze décès, selon le dernier bulletin épidémiologique.",
            "Des équipes mobiles sillonnent les quartiers inondés du sud de la capitale, où l'accès à l'eau potable reste très limité depuis la crue du Chari.",
            "Les autorités appellent la population à faire bouillir l'eau de boisson et à se rendre sans attendre dans un centre de santé en cas de diarrhée aiguë.",
        ]),
    dict(
        slug="rabat-loyers", section="Société", tags=["logement", "Rabat"],
        title="À Rabat, les loyers flambent et les étudiants peinent à se loger",
        date="2026-09-25T15:00:00+01:00", authors=["Hicham Benjelloun"], agencies=[],
        paragraphs=[
            "À quelques jours de la rentrée universitaire, de nombreux étudiants de Rabat cherchent encore un logement, alors que les loyers ont augmenté de près de vingt pour cent en deux ans dans les quartiers proches des facultés.",
            "Une chambre meublée à Agdal se loue désormais entre deux mille cinq cents et trois mille dirhams par mois, un montant hors de portée pour la plupart des boursiers.",
            "Les cités universitaires affichent complet depuis juillet et les listes d'attente dépassent plusieurs milliers de noms, selon une association d'étudiants.",
            "Le ministère de l'Enseignement supérieur promet l'ouverture de deux nouvelles résidences l'an prochain et envisage un partenariat avec des promoteurs privés.",
        ]),
    dict(
        slug="kidal-transhumance", section="International", tags=["Mali", "élevage", "Sahel"],
        title="Sahel : les éleveurs transhumants pris en étau entre sécheresse et conflits",
        date="2026-04-06T08:00:00+00:00", authors=["Moussa Keïta"], agencies=[],
        paragraphs=[
            "Chaque année, à la fin de la saison sèche, des centaines de milliers de têtes de bétail descendent du nord du Mali vers les pâturages du sud et des pays voisins. Cette année, la transhumance prend des allures d'exode.",
            "Les points d'eau se raréfient, les couloirs de passage traditionnels sont occupés par des champs ou contrôlés par des groupes armés, et les conflits avec les agriculteurs se multiplient.",
            "À Mopti, un éleveur peul raconte avoir perdu le tiers de son troupeau en deux mois, faute de fourrage et à cause des vols répétés.",
            "Les organisations pastorales réclament la réhabilitation des puits et la sécurisation des couloirs de transhumance, négociés autrefois entre communautés.",
            "Les experts craignent que la crise ne pousse de nombreux jeunes éleveurs à abandonner le pastoralisme pour l'orpaillage ou l'exil vers les villes.",
        ]),
    dict(
        slug="annaba-acier", section="Économie", tags=["industrie", "Annaba", "sidérurgie"],
        title="Annaba : le complexe sidérurgique d'El Hadjar relance son deuxième haut fourneau",
        date="2026-03-15T10:20:00+01:00", authors=[], agencies=["APS"],
        paragraphs=[
            "Le complexe sidérurgique d'El Hadjar a relancé dimanche son deuxième haut fourneau, à l'arrêt depuis plus de trois ans, a annoncé la direction du groupe.",
            "Cette remise en service doit permettre de porter la production d'acier liquide à un million deux cent mille tonnes par an et de réduire les importations de produits plats.",
            "La direction a précisé que la rénovation de l'installation avait mobilisé près de quatre cents techniciens algériens et étrangers pendant dix-huit mois.",
            "Les syndicats du complexe réclament désormais le recrutement de jeunes diplômés pour remplacer les nombreux départs à la retraite attendus d'ici deux ans.",
        ]),
    dict(
        slug="sfax-migrants", section="Société", tags=["migration", "Sfax", "Tunisie"],
        title="Sfax : les départs vers Lampedusa repartent à la hausse",
        date="2026-08-02T19:15:00+01:00", authors=["Walid Mejri", "Sonia Trabelsi"], agencies=[],
        paragraphs=[
            "Les tentatives de traversée depuis les côtes de Sfax vers l'île italienne de Lampedusa sont reparties à la hausse cet été, selon les chiffres de la Garde nationale tunisienne.",
            "Plus de quatre mille personnes ont été interceptées en mer en juillet, contre deux mille cinq cents le mois précédent, la plupart originaires d'Afrique de l'Ouest.",
            "Dans les oliveraies d'El Amra, au nord de la ville, des centaines de migrants vivent sous des abris de fortune en attendant un départ, dans des conditions sanitaires alarmantes.",
            "Les associations humanitaires dénoncent l'absence de prise en charge et appellent à l'ouverture de couloirs légaux, tandis que l'Union européenne promet de nouveaux financements pour la surveillance des côtes.",
        ]),
    dict(
        slug="conakry-bauxite", section="International", tags=["Guinée", "mines", "bauxite"],
        title="Guinée : les exportations de bauxite atteignent un niveau historique",
        date="2026-02-10T13:00:00+00:00", authors=["Fatoumata Camara"], agencies=[],
        paragraphs=[
            "La Guinée a exporté plus de cent vingt millions de tonnes de bauxite l'an dernier, un record qui conforte sa place de premier fournisseur mondial du minerai d'aluminium.",
            "La quasi-totalité de ces volumes part vers la Chine, où la demande reste soutenue par l'industrie automobile et la construction.",
            "Les communautés riveraines des mines de Boké dénoncent cependant la poussière, la pollution des cours d'eau et la faiblesse des retombées locales.",
            "Le gouvernement exige désormais des compagnies minières la construction de raffineries sur le sol guinéen, une condition posée au renouvellement de plusieurs permis.",
        ]),
    dict(
        slug="marrakech-seisme-reconstruction", section="Régions", tags=["séisme", "Al Haouz", "reconstruction"],
        title="Al Haouz : trois ans après le séisme, la reconstruction avance à deux vitesses",
        date="2026-09-08T07:30:00+01:00", authors=["Leïla Haddad"], agencies=[],
        paragraphs=[
            "Trois ans après le séisme qui a dévasté la province d'Al Haouz, plus de quarante mille logements ont été reconstruits ou réhabilités, selon les chiffres officiels.",
            "Dans les villages proches des routes principales, les nouvelles maisons en béton se multiplient, financées par l'aide directe versée aux familles sinistrées.",
            "Mais dans les douars isolés de la haute montagne, de nombreuses familles vivent encore sous des tentes ou dans des abris provisoires, faute d'accès pour les camions de matériaux.",
            "Les élus locaux réclament l'accélération des travaux de désenclavement et une meilleure prise en compte de l'architecture traditionnelle en pisé, plus adaptée au climat.",
        ]),
    dict(
        slug="abidjan-cacao", section="Économie", tags=["cacao", "Côte d'Ivoire"],
        title="Cacao : le prix garanti aux planteurs ivoiriens relevé pour la campagne principale",
        date="2026-10-01T17:45:00+00:00", authors=["Konan Yao"], agencies=["AFP"],
        paragraphs=[
            "Le gouvernement ivoirien a relevé mercredi le prix garanti du cacao payé aux planteurs pour la campagne principale, qui s'ouvre ce jeudi.",
            "Le kilogramme de fèves sera acheté au moins deux mille cinq cents francs CFA bord champ, contre mille huit cents lors de la campagne précédente.",
            "Cette hausse intervient après une saison marquée par des récoltes médiocres et une flambée des cours mondiaux, qui avaient atteint des sommets à Londres et à New York.",
            "Les organisations de producteurs saluent la mesure mais réclament un contrôle plus strict des acheteurs, accusés de ne pas toujours respecter le prix officiel dans les zones reculées.",
        ]),
    dict(
        slug="constantine-pont", section="Régions", tags=["Constantine", "infrastructures"],
        title="Constantine : le pont Sidi Rached fermé pour six mois de travaux",
        date="2026-01-19T09:40:00+01:00", authors=["Karim Benali"], agencies=[],
        paragraphs=[
            "Le pont Sidi Rached, l'un des ouvrages emblématiques de Constantine, sera fermé à la circulation automobile à partir du mois prochain pour une durée de six mois.",
            "Les travaux porteront sur le renforcement des arches et la reprise de l'étanchéité du tablier, fragilisé par les infiltrations d'eau, selon la direction des travaux publics.",
            "Les commerçants de la vieille ville redoutent une baisse de leur activité et demandent que les piétons puissent continuer à emprunter l'ouvrage pendant le chantier.",
            "Des itinéraires de déviation seront mis en place par le pont Salah Bey et la rocade sud, où des embouteillages sont déjà signalés aux heures de pointe.",
        ]),
    dict(
        slug="tombouctou-manuscrits", section="Culture", tags=["Tombouctou", "patrimoine", "manuscrits"],
        title="Tombouctou : les manuscrits sauvegardés commencent à revenir dans leur ville",
        date="2025-12-05T11:00:00+00:00", authors=["Aïssata Maïga"], agencies=[],
        paragraphs=[
            "Plus de dix ans après leur évacuation clandestine vers Bamako, une partie des manuscrits anciens de Tombouctou a regagné la cité des trois cent trente-trois saints.",
            "Un premier lot de trois mille documents, soigneusement restaurés et numérisés, a été remis cette semaine aux familles propriétaires et aux bibliothèques privées de la ville.",
            "Les conservateurs insistent sur les conditions de stockage, la chaleur et l'humidité de la saison des pluies représentant une menace pour ces textes parfois vieux de six siècles.",
            "Le retour des autres collections dépendra de l'amélioration de la situation sécuritaire dans la région, précise le ministère de la Culture.",
        ]),
    dict(
        slug="tanger-port", section="Économie", tags=["Tanger Med", "logistique"],
        title="Tanger Med dépasse les dix millions de conteneurs traités en un an",
        date="2026-01-08T12:00:00+01:00", authors=["Rachid Tazi"], agencies=[],
        paragraphs=[
            "Le complexe portuaire de Tanger Med a traité plus de dix millions de conteneurs l'an dernier, une première pour un port africain, a annoncé l'autorité portuaire.",
            "Cette performance s'explique par le détournement d'une partie du trafic maritime mondial, contraint d'éviter la mer Rouge et de contourner l'Afrique.",
            "Les investissements dans l'automatisation des terminaux et l'extension de la zone logistique ont permis d'absorber cette hausse sans allonger les délais d'escale.",
            "Les opérateurs s'attendent toutefois à un ralentissement si les routes traditionnelles venaient à rouvrir dans les prochains mois.",
        ]),
    dict(
        slug="tizi-incendies", section="Régions", tags=["incendies", "Kabylie"],
        title="Tizi Ouzou : des villages évacués face à des incendies attisés par le sirocco",
        date="2026-07-24T21:10:00+01:00", authors=[], agencies=["APS"],
        paragraphs=[
            "Plusieurs villages de la wilaya de Tizi Ouzou ont été évacués jeudi soir face à des incendies de forêt attisés par des vents chauds et des températures dépassant quarante-cinq degrés.",
            "La Protection civile a mobilisé plus de six cents agents et des colonnes mobiles venues des wilayas voisines, appuyés par deux avions bombardiers d'eau.",
            "Aucune victime n'est à déplorer à ce stade, mais des dizaines d'hectares d'oliveraies et de vergers sont partis en fumée, selon un premier bilan.",
            "Les autorités appellent la population à signaler tout départ de feu et rappellent l'interdiction de l'incinération des déchets agricoles pendant la saison estivale.",
        ]),
    dict(
        slug="lome-port-sec", section="International", tags=["Togo", "commerce", "Sahel"],
        title="Le port de Lomé mise sur les pays enclavés du Sahel",
        date="2026-03-28T10:00:00+00:00", authors=["Kossi Amegah"], agencies=[],
        paragraphs=[
            "Le port autonome de Lomé multiplie les initiatives pour attirer le fret à destination du Burkina Faso, du Niger et du Mali, dont les corridors habituels sont perturbés.",
            "Un port sec a été inauguré à la sortie nord de la capitale togolaise pour faciliter le dédouanement des camions et réduire les temps d'attente au terminal.",
            "Les transporteurs sahéliens saluent ces efforts, mais se plaignent toujours des nombreux contrôles routiers et des frais informels le long du corridor.",
            "Les autorités portuaires visent un doublement du trafic de transit d'ici cinq ans.",
        ]),
    dict(
        slug="nouadhibou-hydrogene", section="Économie", tags=["hydrogène vert", "énergie", "Mauritanie"],
        title="Hydrogène vert : la Mauritanie signe un accord pour un projet géant près de Nouadhibou",
        date="2026-06-11T16:00:00+00:00", authors=["Cheikh Tidiane Sy", "Mariem Mint Ahmed"], agencies=[],
        paragraphs=[
            "La Mauritanie a signé mercredi un accord-cadre avec un consortium international pour la construction d'un complexe de production d'hydrogène vert au nord de Nouadhibou.",
            "Le projet prévoit l'installation de parcs éoliens et solaires d'une capacité de dix gigawatts, destinés à alimenter des électrolyseurs alimentés par de l'eau de mer dessalée.",
            "Le gouvernement met en avant la création de plusieurs milliers d'emplois et des recettes fiscales importantes, tandis que des ONG environnementales s'interrogent sur l'impact pour le littoral.",
            "La décision finale d'investissement n'est pas attendue avant deux ans, le temps de réaliser les études techniques et de trouver des acheteurs pour la production.",
        ]),
    dict(
        slug="bejaia-port-greve", section="Économie", tags=["Béjaïa", "grève", "port"],
        title="Béjaïa : la grève des dockers paralyse le port depuis une semaine",
        date="2026-02-26T18:30:00+01:00", authors=["Farid Aït Saïd"], agencies=[],
        paragraphs=[
            "L'activité du port de Béjaïa est quasiment à l'arrêt depuis une semaine en raison d'une grève des dockers, qui réclament une revalorisation de leurs primes de rendement.",
            "Une trentaine de navires attendent en rade, dont plusieurs chargés de céréales et de matières premières destinées aux unités industrielles de la région.",
            "La direction de l'entreprise portuaire affirme avoir fait des propositions concrètes et appelle les grévistes à reprendre le travail, tandis que le syndicat exige l'ouverture de négociations sous l'égide de l'inspection du travail.",
            "Les importateurs s'inquiètent des surestaries, ces pénalités payées aux armateurs pour chaque jour d'attente, qui pourraient se répercuter sur les prix.",
        ]),
]
