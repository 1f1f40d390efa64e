// The fixed vocabulary the simulator draws from: Senar's product catalogue (collections,
// simulators, scenarios) and the names, places and organisations that populate an account.
// Simulator ids are global product ids (stable across accounts); collection ids are per account.

export type CatalogSimulator = { id: number; title: string; scenarios: readonly string[] };
export type CatalogCollection = { key: string; title: string; simulators: readonly CatalogSimulator[] };

/** Scenarios known to trip people up; they get a higher difficulty so some clearly stand out. */
export const HARD_SCENARIOS = new Set([
  "Tandem Lift",
  "Blind Lift Coordination",
  "Stacking at Height",
  "Casualty Extraction",
  "Four-Leg Bridle Lift",
  "High Rack Retrieval",
  "Verify Zero Energy",
  "Overhead Power Lines",
  "Load Placement on Roof",
  "Tie Patterns",
]);

export const CATALOG: readonly CatalogCollection[] = [
  {
    key: "rigging",
    title: "Rigging",
    simulators: [
      { id: 18, title: "Lifting Hardware and Sling Inspection", scenarios: ["Shackle Inspection", "Wire Rope Sling Inspection", "Synthetic Sling Inspection", "Hook and Latch Check", "Chain Sling Inspection"] },
      { id: 19, title: "Load Calculation and Sling Angles", scenarios: ["Centre of Gravity", "Sling Angle Factors", "Two-Leg Bridle Lift", "Four-Leg Bridle Lift"] },
      { id: 20, title: "Signal Person", scenarios: ["Hand Signals Basics", "Radio Communication", "Blind Lift Coordination"] },
    ],
  },
  {
    key: "cranes",
    title: "Cranes",
    simulators: [
      { id: 21, title: "Mobile Crane Operation", scenarios: ["Pre-use Inspection", "Outrigger Setup", "Load Chart Reading", "Pick and Carry", "Tandem Lift"] },
      { id: 22, title: "Overhead Crane", scenarios: ["Pendant Controls", "Load Swing Control", "Emergency Stop"] },
      { id: 23, title: "Tower Crane", scenarios: ["Wind Limits", "Slewing Precision", "Blind Lift"] },
    ],
  },
  {
    key: "forklift",
    title: "Forklift",
    simulators: [
      { id: 24, title: "Counterbalance Forklift", scenarios: ["Pre-shift Inspection", "Pallet Pick and Place", "Ramp Driving", "Pedestrian Zones", "Stacking at Height"] },
      { id: 25, title: "Reach Truck", scenarios: ["Narrow Aisle Driving", "High Rack Retrieval", "Battery Change"] },
      { id: 26, title: "Telehandler", scenarios: ["Stability Triangle", "Rough Terrain", "Load Placement on Roof"] },
    ],
  },
  {
    key: "height",
    title: "Working at Height",
    simulators: [
      { id: 27, title: "Harness and Lanyard", scenarios: ["Harness Fitting", "Anchor Point Selection", "Fall Clearance"] },
      { id: 28, title: "Mobile Elevating Work Platform", scenarios: ["Pre-use Checks", "Boom Positioning", "Emergency Lowering"] },
      { id: 29, title: "Ladder Safety", scenarios: ["Ladder Inspection", "Three Points of Contact"] },
    ],
  },
  {
    key: "fire",
    title: "Fire Safety",
    simulators: [
      { id: 30, title: "Fire Extinguisher", scenarios: ["Extinguisher Selection", "PASS Technique", "Electrical Fire", "Kitchen Fire"] },
      { id: 31, title: "Evacuation", scenarios: ["Office Evacuation", "Warehouse Evacuation", "Assembly Point Roll Call"] },
      { id: 32, title: "Hot Work Permit", scenarios: ["Permit Preparation", "Fire Watch"] },
    ],
  },
  {
    key: "confined",
    title: "Confined Space",
    simulators: [
      { id: 33, title: "Confined Space Entry", scenarios: ["Permit to Work", "Gas Testing", "Ventilation Setup", "Entry and Exit"] },
      { id: 34, title: "Confined Space Rescue", scenarios: ["Tripod and Winch", "Non-entry Rescue", "Casualty Extraction"] },
    ],
  },
  {
    key: "scaffolding",
    title: "Scaffolding",
    simulators: [
      { id: 35, title: "Scaffold Inspection", scenarios: ["Base Plates and Sole Boards", "Guardrails and Toe Boards", "Tagging System"] },
      { id: 36, title: "Scaffold Erection", scenarios: ["Tube and Fitting", "System Scaffold", "Tie Patterns"] },
    ],
  },
  {
    key: "loto",
    title: "Lockout Tagout",
    simulators: [{ id: 37, title: "Energy Isolation", scenarios: ["Identify Energy Sources", "Apply Locks and Tags", "Verify Zero Energy", "Group Lockout"] }],
  },
  {
    key: "hazards",
    title: "Hazard Awareness",
    simulators: [
      { id: 38, title: "Construction Site Walkthrough", scenarios: ["Spot the Hazards", "Excavation Edge", "Overhead Power Lines"] },
      { id: 39, title: "Warehouse Walkthrough", scenarios: ["Blocked Exits", "Racking Damage", "Spill Response"] },
    ],
  },
  {
    key: "electrical",
    title: "Electrical Safety",
    simulators: [{ id: 40, title: "Low Voltage Switching", scenarios: ["Switching Sequence", "Arc Flash PPE", "Test Before Touch"] }],
  },
  {
    key: "excavator",
    title: "Excavator",
    simulators: [{ id: 41, title: "Excavator Operation", scenarios: ["Walk-around Check", "Trenching", "Loading Trucks", "Underground Services"] }],
  },
  {
    key: "manual",
    title: "Manual Handling",
    simulators: [{ id: 42, title: "Lifting Techniques", scenarios: ["Box Lift", "Team Lift", "Pushing and Pulling"] }],
  },
];

export const COUNTRIES: readonly { name: string; languages: readonly string[] }[] = [
  { name: "USA", languages: ["en", "en", "en", "es"] },
  { name: "Canada", languages: ["en", "en", "fr"] },
  { name: "United Kingdom", languages: ["en"] },
  { name: "France", languages: ["fr"] },
  { name: "Spain", languages: ["es"] },
  { name: "Germany", languages: ["de"] },
  { name: "Brazil", languages: ["pt"] },
  { name: "Mexico", languages: ["es"] },
  { name: "Australia", languages: ["en"] },
  { name: "Netherlands", languages: ["nl", "en"] },
  { name: "Italy", languages: ["it"] },
  { name: "Portugal", languages: ["pt"] },
  { name: "Chile", languages: ["es"] },
];

export const USER_PROFILES: readonly (readonly [string, number])[] = [
  ["Instructor", 68],
  ["Supervisor", 9],
  ["Manager", 12],
  ["Administrator", 5],
  ["Viewer", 6],
];

/** Profiles of Senar users who actually run sessions, with how often they do. */
export const RUNNER_WEIGHT: Readonly<Record<string, number>> = { Instructor: 1, Supervisor: 0.6, Manager: 0.15 };

export const TRAINEE_PROFILES: readonly (readonly [string, number])[] = [
  ["Employee", 55],
  ["Contractor", 25],
  ["Guest", 12],
  ["Apprentice", 8],
];

export const COST_CENTERS = [
  "North", "South", "East", "West", "Central", "Operations", "Logistics", "Maintenance",
  "Port Operations", "Warehouse", "Construction", "Plant 1", "Plant 2", "HSE",
] as const;

export const ACCOUNT_NAMES = ["Northwind", "Initech", "Umbrella Logistics", "Stark Industrial", "Wayne Ports", "Tyrell Mining", "Hooli Energy"] as const;

export const CONTRACTORS = [
  "Daria", "Ridgeway Contracting", "BlueLine Rigging", "Atlas Crane Hire", "Summit Scaffolding",
  "Harbor Staffing", "Keystone Builders", "Meridian Services", "Ironclad Maintenance", "Pioneer Labour",
  "Coastal Lift Solutions", "Granite Civil", "Vertex Access", "Orion Temps", "Redwood Industrial",
] as const;

export const FIRST_NAMES = [
  "Natalia", "Jon", "Maria", "James", "Aisha", "Wei", "Carlos", "Fatima", "Liam", "Sofia", "Noah", "Olivia",
  "Mateo", "Emma", "Lucas", "Chloe", "Ahmed", "Priya", "Kenji", "Ana", "David", "Sarah", "Tomasz", "Ingrid",
  "Mohammed", "Yuki", "Diego", "Elena", "Samuel", "Grace", "Pedro", "Hannah", "Oluwaseun", "Chen", "Lars", "Amira",
  "Gabriel", "Isabel", "Ravi", "Zoe", "Marco", "Leila", "Patrick", "Nadia", "Sven", "Lucia", "Tariq", "Emily",
  "Jorge", "Mei", "Kwame", "Julia", "Hugo", "Camila", "Ivan", "Beatriz", "Daniel", "Aaliyah", "Finn", "Rosa",
] as const;

export const LAST_NAMES = [
  "Brown", "Doe", "Garcia", "Smith", "Nguyen", "Müller", "Silva", "Khan", "Johnson", "Rossi", "Kowalski", "Dubois",
  "Martinez", "Williams", "Tanaka", "Okafor", "Santos", "Andersen", "Patel", "Lopez", "Schmidt", "Murphy", "Costa",
  "Novak", "Hernández", "Taylor", "Ibrahim", "Fischer", "Moreau", "Wilson", "Pereira", "Jensen", "O'Brien", "Kim",
  "Ferreira", "Lee", "Gonzalez", "Walker", "Mensah", "Rahman", "De Vries", "Ortiz", "Bianchi", "Campbell", "Sato",
  "Yilmaz", "Fernandes", "Clarke", "Popescu", "Alvarez",
] as const;
