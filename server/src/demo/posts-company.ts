import type { PostPlan } from "./script.ts";

/** What the whole company reads: the welcome, news of the sites, the must-read announcement and the poll. */
export const COMPANY_POSTS: PostPlan[] = [
  {
    community: "company",
    author: "aurelie.fournier",
    daysAgo: 38,
    time: "09:05",
    body: `Bonjour à toutes et à tous,

Notre réseau interne est ouvert ! Ici, on partage les nouvelles des sites, on pose ses questions et on se retrouve dans des communautés de métier, de projet ou de passion.

Pour bien démarrer :
- complétez votre profil (photo, compétences, langues) ;
- rejoignez deux ou trois communautés ;
- présentez-vous en commentaire de ce message !

Merci à {@admin} pour la mise en place. #bienvenue #ruche`,
    reactions: { like: 24, celebrate: 9 },
    comments: [
      { author: "david.guerin", minutesAfter: 25, body: "Bonjour à tous, David, ébéniste à l'atelier de Lyon depuis 2004. Si vous avez un meuble de famille qui grince, vous savez où me trouver 😉", reactions: { like: 6 } },
      { author: "ines.fabre", minutesAfter: 40, body: "Inès, export. Je passe ma vie entre Lyon et les salons à l'étranger : ce sera pratique pour suivre ce qui se passe ici !" },
      {
        author: "sarah.henry",
        minutesAfter: 95,
        body: "Sarah, opératrice commande numérique à Carquefou. C'est la première fois que je vois toute l'entreprise au même endroit, c'est chouette.",
        replies: [{ author: "jeanmarc.bertrand", minutesAfter: 20, body: "Bienvenue Sarah ! Et bravo pour les pièces du lot Traverse de la semaine dernière : zéro reprise.", reactions: { like: 4 } }],
      },
      { author: "quentin.marie", minutesAfter: 180, body: "Quentin, stagiaire développeur jusqu'en août. Je travaille avec {@sophie.marchand} sur le configurateur produit." },
    ],
  },
  {
    community: "company",
    author: "olivier.fontaine",
    daysAgo: 36,
    time: "10:30",
    body: `Point d'étape du trimestre : le carnet de commandes est en hausse de 8 % sur un an, porté par les collectivités de l'Ouest et deux beaux projets d'aménagement à Paris. Bravo aux équipes de {@antoine.mercier} et de {@claire.vidal}.

Côté ateliers, les délais moyens repassent sous les six semaines. Merci à tous pour l'effort de ces derniers mois. #résultats #commercial`,
    reactions: { like: 18, celebrate: 12, insightful: 3 },
    comments: [
      { author: "stephane.bonnet", minutesAfter: 35, body: "Et ce n'est qu'un début : trois appels d'offres en cours rien qu'en Île-de-France. #commercial" },
      { author: "christophe.roussel", minutesAfter: 60, body: "Les équipes de Carquefou ont mis les bouchées doubles, ça fait plaisir à lire.", reactions: { like: 5 } },
    ],
  },
  {
    community: "company",
    author: "sylvie.andre",
    daysAgo: 34,
    time: "14:10",
    body: `Rappel sécurité : à partir de lundi, les lunettes de protection sont obligatoires dans toute la zone d'usinage de Carquefou, visiteurs compris. Des sur-lunettes sont disponibles à l'accueil de l'atelier.

Merci de relayer auprès de vos équipes, {@christophe.roussel} et {@benoit.meunier}. #sécurité #nantes`,
    reactions: { like: 10, support: 5 },
    comments: [
      { author: "benoit.meunier", minutesAfter: 45, body: "C'est passé au quart d'heure sécurité de ce matin, tout le monde est au courant." },
      { author: "anthony.lacroix", minutesAfter: 120, body: "Les nouvelles lunettes anti-buée sont bien mieux que les anciennes, bon choix." },
    ],
  },
  {
    community: "company",
    author: "karim.haddad",
    daysAgo: 31,
    time: "11:00",
    body: `Nous recrutons ! Trois postes sont ouverts :
- un ou une ébéniste pour l'atelier de Lyon ;
- un technicien ou une technicienne de maintenance à Carquefou ;
- un ou une alternante en communication digitale.

La cooptation est récompensée (500 € après la période d'essai). Envoyez-moi les CV, je réponds à tout le monde. #recrutement #cooptation`,
    reactions: { like: 14, support: 3 },
    comments: [
      {
        author: "patrick.giraud",
        minutesAfter: 30,
        body: "Pour l'ébénisterie, on cherche quelqu'un d'autonome sur le placage : c'est le vrai besoin.",
        replies: [{ author: "karim.haddad", minutesAfter: 15, body: "Noté, je l'ajoute à l'annonce. Merci Patrick !" }],
      },
      { author: "hugo.lambert", minutesAfter: 90, body: "Une ancienne camarade de promo cherche une alternance, {@karim.haddad}, je t'envoie son CV." },
    ],
  },
  {
    community: "company",
    author: "helene.fontaine",
    daysAgo: 27,
    time: "08:45",
    body: `**Mise à jour du règlement intérieur et de l'accord télétravail**

Après nos échanges avec le CSE, le règlement intérieur et l'accord télétravail mis à jour entrent en vigueur ce mois-ci. Ce qui change :

- jusqu'à deux jours de télétravail par semaine pour les postes qui le permettent, à convenir avec votre manager ;
- un droit à la déconnexion affirmé : ni mails ni messages attendus entre 20 h et 7 h, ni le week-end ;
- la charte informatique est désormais annexée au règlement.

Les documents sont affichés sur les sites et disponibles auprès de {@sandrine.moreau}. Merci de confirmer votre lecture. #télétravail #déconnexion`,
    announcement: { mustRead: true, acknowledgedBy: 34 },
    reactions: { like: 21, insightful: 6, support: 2 },
    comments: [
      {
        author: "maxime.robin",
        minutesAfter: 50,
        body: "Merci, c'est clair. Pour ceux qui, comme moi, sont déjà en télétravail à plein temps, rien ne change ?",
        replies: [{ author: "sandrine.moreau", minutesAfter: 40, body: "Rien ne change pour les avenants existants, Maxime : ils restent valables." }],
      },
      {
        author: "mathieu.blanchard",
        minutesAfter: 200,
        body: "Et pour l'atelier ? On ne peut pas raboter depuis la maison 😄",
        reactions: { like: 9 },
        replies: [{ author: "helene.fontaine", minutesAfter: 30, body: "Non, mais le droit à la déconnexion vaut pour tout le monde, atelier compris !", reactions: { like: 7 } }],
      },
    ],
  },
  {
    community: "company",
    author: "melanie.carpentier",
    daysAgo: 24,
    time: "12:15",
    body: `Bilan RSE de l'année : 92 % de notre bois vient de forêts françaises certifiées PEFC, et les chutes de l'atelier de Lyon chauffent désormais le bâtiment grâce à la chaudière biomasse.

Prochaine étape : réduire de 20 % les emballages plastiques des expéditions, avec {@kevin.morel} et {@laurent.masson}. Vos idées sont les bienvenues en commentaire ! #rse #écoconception`,
    reactions: { like: 17, celebrate: 6, insightful: 4 },
    comments: [
      { author: "kevin.morel", minutesAfter: 40, body: "On teste des coins en carton alvéolé à la place du polystyrène dès la semaine prochaine." },
      {
        author: "manon.picard",
        minutesAfter: 75,
        body: "Côté conception, on peut revoir les pieds démontables de la gamme Traverse pour des cartons plus compacts. On en parle jeudi ?",
        reactions: { insightful: 3 },
        replies: [{ author: "melanie.carpentier", minutesAfter: 10, body: "Avec plaisir !" }],
      },
    ],
  },
  {
    community: "company",
    author: "hugo.lambert",
    daysAgo: 15,
    time: "16:40",
    body: "Le nouveau catalogue est en ligne ! Merci à {@lea.gauthier} pour la mise en page et les photos, et à tout le bureau d'études pour les fiches techniques. La gamme Traverse fait la couverture. #catalogue #communication",
    reactions: { like: 16, celebrate: 8 },
    comments: [
      { author: "vincent.arnaud", minutesAfter: 30, body: "Superbe travail. Les clients du showroom vont adorer la version papier." },
      { author: "claire.vidal", minutesAfter: 90, body: "Je l'ai déjà envoyé à trois prospects ce matin 👌" },
    ],
  },
  {
    community: "company",
    author: "elodie.blanc",
    daysAgo: 9,
    time: "09:20",
    body: "Cette semaine, nous accueillons trois nouvelles personnes : Lina à l'ADV de Lyon, Jérôme et Kenza à l'usine de Carquefou. Leur parcours d'intégration commence par une journée en binôme avec {@benoit.meunier} et {@virginie.lemoine}. Un petit mot de bienvenue fait toujours plaisir ! #bienvenue #intégration",
    reactions: { like: 19, celebrate: 5 },
    comments: [
      { author: "benoit.meunier", minutesAfter: 60, body: "Jérôme et Kenza montent déjà leur premier bureau Traverse, ils apprennent vite." },
      { author: "virginie.lemoine", minutesAfter: 90, body: "Lina est entre de bonnes mains 🙂" },
    ],
  },
  {
    community: "company",
    author: "nicolas.faure",
    daysAgo: 5,
    time: "13:30",
    body: "Bonne nouvelle : l'audit de renouvellement de la certification NF Office Excellence s'est terminé hier sans aucun écart majeur. Deux remarques mineures sur la traçabilité des lots de vernis, que nous traiterons avec {@celine.barbier} d'ici la fin du mois. Merci à tous pour votre rigueur au quotidien. #qualité #certification",
    reactions: { like: 20, celebrate: 14 },
    comments: [
      { author: "jeanmarc.bertrand", minutesAfter: 20, body: "Bravo à toute l'équipe qualité, et merci Nicolas pour la préparation." },
      { author: "celine.barbier", minutesAfter: 65, body: "On a déjà une piste : étiqueter les pots au moment de leur ouverture. Je vous montre ça lundi.", reactions: { like: 5, insightful: 2 } },
    ],
  },
  {
    community: "company",
    author: "aurelie.fournier",
    daysAgo: 3,
    time: "10:00",
    body: "La Journée des Ateliers revient ! Une fois par an, Lyon, Nantes et Paris se retrouvent pour une journée ensemble. Où voulez-vous qu'elle ait lieu cette année ? Le sondage reste ouvert jusqu'à la fin de la semaine. #journéedesateliers",
    poll: {
      options: [
        { label: "À l'atelier de Lyon, visite et barbecue", votes: 14 },
        { label: "À l'usine de Carquefou, avec une balade sur l'Erdre", votes: 19 },
        { label: "Dans un domaine en Bourgogne, à mi-chemin", votes: 11 },
      ],
      closesInDays: 4,
    },
    reactions: { like: 12, curious: 2 },
    comments: [
      { author: "christophe.roussel", minutesAfter: 30, body: "Carquefou ! On vous montrera la nouvelle ligne de vernissage 😉", reactions: { like: 6 } },
      {
        author: "margaux.denis",
        minutesAfter: 50,
        body: "L'équipe de Paris vote pour le lieu le plus proche d'une gare TGV…",
        replies: [{ author: "aurelie.fournier", minutesAfter: 25, body: "Bien noté, Margaux : les trois lieux sont à moins de 30 minutes d'une gare." }],
      },
    ],
  },
  {
    community: "company",
    author: "martine.roche",
    daysAgo: 2,
    time: "11:05",
    body: "Petit rappel pratique : la salle Merisier (2e étage, Lyon) est en travaux jusqu'à la fin de la semaine prochaine. Les réunions sont déplacées en salle Noyer ou en salle Érable, toutes deux équipées pour la visio. #lyon #pratique",
    reactions: { like: 6, insightful: 2 },
    comments: [{ author: "bastien.colin", minutesAfter: 30, body: "L'écran de la salle Érable a été changé hier : plus besoin d'adaptateur HDMI." }],
  },
  {
    community: "company",
    author: "romain.chevalier",
    daysAgo: 1,
    time: "17:45",
    body: "Samedi, six coureurs des Ateliers au semi-marathon de Lyon ! Mention spéciale à {@sophie.marchand} pour son record personnel. Rejoignez-nous dans la communauté Course à pied : les sorties du midi reprennent mardi. #course #lyon",
    reactions: { like: 15, celebrate: 10 },
    comments: [{ author: "sophie.marchand", minutesAfter: 40, body: "Merci ! Les séances de fractionné du jeudi ont payé 😅" }],
  },
];
