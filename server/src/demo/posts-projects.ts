import type { PostPlan } from "./script.ts";

/** Projects: the new varnishing line, the finished ERP migration, the secret acquisition, and the carrier's space. */
export const PROJECT_POSTS: PostPlan[] = [
  {
    community: "vernissage",
    author: "jeanmarc.bertrand",
    daysAgo: 33,
    time: "08:00",
    body: `Lancement officiel du projet ! Objectif : remplacer la cabine de vernis solvanté par une ligne de vernis à l'eau, avec moins d'émissions et de meilleures conditions de travail.

Trois phases : installation, essais, formation. {@christophe.roussel} pilote au quotidien. #vernissage`,
    reactions: { like: 6, support: 2 },
    comments: [
      { author: "melanie.carpentier", minutesAfter: 60, body: "Un vrai plus pour notre bilan RSE, merci ! #rse" },
      {
        author: "celine.barbier",
        minutesAfter: 90,
        body: "À Lyon, on utilise le vernis à l'eau depuis deux ans : je peux venir partager nos réglages.",
        reactions: { like: 5 },
        replies: [{ author: "christophe.roussel", minutesAfter: 20, body: "Avec plaisir, Céline : on organise ta venue pendant la phase d'essais." }],
      },
    ],
  },
  {
    community: "vernissage",
    author: "christophe.roussel",
    daysAgo: 17,
    time: "10:15",
    body: "Point d'avancement : la cabine est installée et les raccordements électriques sont terminés. Les essais démarrent lundi avec {@sarah.henry} et {@anthony.lacroix}. Le fournisseur sera présent toute la semaine. #vernissage",
    reactions: { like: 8 },
    comments: [
      { author: "emilie.renard", minutesAfter: 45, body: "Les premiers fûts de vernis sont livrés mercredi." },
      { author: "sylvie.andre", minutesAfter: 70, body: "Je passe jeudi valider les consignes de sécurité de la zone." },
    ],
  },
  {
    community: "vernissage",
    author: "sarah.henry",
    daysAgo: 2,
    time: "15:20",
    body: "Premiers panneaux vernis à l'eau sortis de la ligne ce matin : rendu très homogène, séchage en 40 minutes. Quelques coulures sur les chants, on ajuste la pression demain. #vernissage #essais",
    reactions: { like: 5, celebrate: 3, insightful: 1 },
    comments: [
      { author: "nicolas.faure", minutesAfter: 30, body: "Je passe les contrôler cet après-midi." },
      { author: "celine.barbier", minutesAfter: 60, body: "Pour les chants, essayez de baisser la viscosité plutôt que la pression : ça avait réglé le problème chez nous.", reactions: { insightful: 4 } },
    ],
  },
  {
    community: "erp",
    author: "chloe.lucas",
    daysAgo: 40,
    time: "09:30",
    body: "J-25 avant la bascule vers le nouvel ERP. Cette semaine : recette des flux de facturation avec {@thierry.lemaire} et {@amandine.roux}. Merci de remonter les anomalies dans le tableau partagé, même les plus petites. #erp #recette",
    reactions: { like: 5 },
    comments: [{ author: "thierry.lemaire", minutesAfter: 120, body: "Deux anomalies sur les avoirs, je les ajoute au tableau." }],
  },
  {
    community: "erp",
    author: "virginie.lemoine",
    daysAgo: 26,
    time: "16:00",
    body: "Formation de l'ADV au nouvel ERP terminée. La saisie des commandes est plus rapide, mais la recherche client demande un temps d'adaptation. Un mémo est disponible pour l'équipe. #erp #formation",
    reactions: { like: 6 },
    comments: [
      { author: "chloe.lucas", minutesAfter: 40, body: "Merci Virginie, on ajoute un raccourci pour la recherche client avant la bascule." },
      { author: "damien.huet", minutesAfter: 90, body: "Le mémo m'a déjà sauvé deux fois 😅" },
    ],
  },
  {
    community: "erp",
    author: "chloe.lucas",
    daysAgo: 14,
    time: "19:30",
    body: "Bascule réussie ! Le nouvel ERP est en production depuis ce matin, sans interruption des expéditions. Merci à toutes les équipes, et en particulier à {@sophie.marchand} et {@maxime.robin} pour les interfaces. L'espace projet sera archivé à la fin du projet et restera consultable. #erp",
    reactions: { like: 5, celebrate: 5 },
    comments: [
      { author: "francois.dumas", minutesAfter: 20, body: "Un grand bravo : projet tenu dans les délais et dans le budget." },
      { author: "kevin.morel", minutesAfter: 60, body: "Les bordereaux d'expédition sortent impeccables, merci !" },
    ],
  },
  {
    community: "chene",
    author: "helene.fontaine",
    daysAgo: 19,
    time: "18:30",
    body: "Comme évoqué en comité, nous ouvrons l'étude du rachat de la scierie Morel, pour sécuriser notre approvisionnement en chêne et en hêtre français. {@philippe.garnier} coordonne l'audit d'acquisition, {@emilie.renard} évalue les volumes et la qualité des grumes. Merci de garder ce projet strictement confidentiel. #acquisition",
    reactions: { like: 4, support: 1 },
    comments: [
      { author: "philippe.garnier", minutesAfter: 45, body: "Les comptes des trois derniers exercices sont arrivés, première analyse d'ici vendredi." },
      { author: "emilie.renard", minutesAfter: 90, body: "Visite du parc à grumes mardi prochain avec {@jeanmarc.bertrand}." },
    ],
  },
  {
    community: "chene",
    author: "jeanmarc.bertrand",
    daysAgo: 6,
    time: "08:50",
    body: "Retour de visite : scie de tête récente, séchoirs à revoir, équipe de douze personnes très compétente. L'intégration logistique avec Carquefou est jouable. Synthèse détaillée au prochain comité. #acquisition",
    reactions: { like: 3, insightful: 2 },
    comments: [
      { author: "sandrine.moreau", minutesAfter: 40, body: "Pour l'équipe, je prépare une note sur la reprise des contrats et la convention collective." },
      { author: "olivier.fontaine", minutesAfter: 70, body: "Merci, très utile. On en parle jeudi." },
    ],
  },
  {
    community: "partenaires",
    author: "laurent.masson",
    daysAgo: 29,
    time: "09:10",
    body: "Bienvenue à {@sebastien.martin} et {@laura.petit}, de Transports Martin, dans cet espace partagé ! Nous y centralisons les enlèvements, les plannings et les incidents de livraison. La charte de l'espace est à accepter avant de publier. #livraisons",
    reactions: { like: 6 },
    comments: [
      { author: "sebastien.martin", minutesAfter: 60, body: "Merci Laurent, ravi de travailler comme ça : fini les fils de mails à rallonge !" },
      { author: "laura.petit", minutesAfter: 95, body: "Bonjour à tous ! Je publierai ici le planning des tournées chaque vendredi." },
    ],
  },
  {
    community: "partenaires",
    author: "laura.petit",
    daysAgo: 23,
    time: "16:45",
    body: "Planning de la semaine prochaine : enlèvements à Carquefou lundi, mercredi et vendredi à 14 h. Livraison de la Mutuelle de l'Ouest (première vague) mardi matin à Rennes, deux semi-remorques. #planning",
    reactions: { like: 4 },
    comments: [
      { author: "kevin.morel", minutesAfter: 30, body: "Bien noté : les palettes seront filmées et étiquetées pour 13 h 30." },
      { author: "virginie.lemoine", minutesAfter: 70, body: "Le client confirme l'accès au quai à partir de 7 h." },
    ],
  },
  {
    community: "partenaires",
    author: "kevin.morel",
    daysAgo: 13,
    time: "11:20",
    body: "Incident : deux caissons de la livraison d'Angers sont arrivés avec un angle enfoncé. Photos envoyées par mail. {@sebastien.martin}, pouvez-vous vérifier le chargement côté quai ? Nous renvoyons les pièces jeudi. #incident",
    reactions: { like: 3, support: 2 },
    comments: [
      {
        author: "sebastien.martin",
        minutesAfter: 40,
        body: "Vérifié : une sangle mal tendue au deuxième niveau. Nous prenons le retour en charge et renforçons le contrôle au départ. Désolé pour le désagrément.",
        reactions: { like: 3 },
      },
      { author: "laurent.masson", minutesAfter: 60, body: "Merci Sébastien pour la réactivité." },
    ],
  },
  {
    community: "partenaires",
    author: "sebastien.martin",
    daysAgo: 3,
    time: "17:30",
    body: "À partir du mois prochain, nous testons des camions au bioGNV sur la ligne Nantes–Lyon. {@laurent.masson} nous a dit que cela intéresserait votre équipe RSE : nous vous transmettrons les relevés d'émissions. #rse",
    reactions: { like: 4, celebrate: 1 },
    comments: [{ author: "laurent.masson", minutesAfter: 50, body: "Excellente nouvelle, je transmets à notre chargée de mission RSE." }],
  },
];
