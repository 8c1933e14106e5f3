// Demo catalog, in the spirit of Fauna's e-commerce sample data
// ("cups — Translucent 9 Oz, 100 ct — 6.98" is Fauna's own example product).

export type SeedAddress = {
  street: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
};

export type SeedProduct = {
  name: string;
  description: string;
  price: number;
  quantity: number;
  backorderLimit: number;
  backordered: boolean;
};

export type SeedStore = {
  name: string;
  address: SeedAddress;
  products: SeedProduct[];
};

// [name, description, price, quantity, backorderLimit, backordered]
type Row = [string, string, number, number, number, boolean];

const toProducts = (rows: Row[]): SeedProduct[] =>
  rows.map(([name, description, price, quantity, backorderLimit, backordered]) => ({
    name,
    description,
    price,
    quantity,
    backorderLimit,
    backordered,
  }));

export const catalog: SeedStore[] = [
  {
    name: "Party Supplies",
    address: {
      street: "7529 Oakwood Avenue",
      city: "Washington",
      state: "DC",
      postalCode: "20011",
      country: "USA",
    },
    products: toProducts([
      ["cups", "Translucent 9 Oz, 100 ct", 6.98, 90, 5, false],
      ["donkey pinata", "Original Classic Donkey Pinata", 24.99, 40, 10, false],
      ["taco pinata", "Giant Taco Pinata", 23.99, 32, 10, false],
      ["paper plates", "Heavy Duty 10 in, White, 150 ct", 12.49, 75, 10, false],
      ["napkins", "2-Ply Dinner Napkins, Assorted Colors, 200 ct", 5.79, 120, 20, false],
      ["plastic forks", "Clear Heavyweight Cutlery, 100 ct", 4.29, 64, 10, false],
      ["balloons", "12 in Latex Balloons, Rainbow Assortment, 72 ct", 9.99, 0, 25, true],
      ["helium tank", "Disposable Helium Tank for 30 Balloons", 54.99, 12, 3, false],
      ["party streamers", "Crepe Paper Streamers, 6 Rolls, 81 ft each", 7.49, 48, 10, false],
      ["birthday banner", "Gold Foil 'Happy Birthday' Banner, 8 ft", 8.99, 35, 5, false],
      ["confetti", "Metallic Tissue Confetti, 1.5 oz Bag", 3.99, 88, 20, false],
      ["party hats", "Cone Party Hats with Elastic Strap, 12 ct", 6.49, 0, 10, true],
      ["tablecloth", "Plastic Rectangular Table Cover, 54 x 108 in", 2.99, 140, 30, false],
      ["birthday candles", "Striped Birthday Candles, 24 ct", 1.99, 210, 50, false],
      ["sparklers", "10 in Wire Sparklers, 48 ct", 11.99, 3, 5, false],
      ["goodie bags", "Kraft Paper Treat Bags with Handles, 24 ct", 10.49, 56, 10, false],
      ["party favors", "Assorted Toy Party Favors, 100 pc", 19.99, 22, 5, false],
      ["ice bucket", "Galvanized Steel Beverage Tub, 15 qt", 17.99, 18, 5, false],
      ["string lights", "Warm White LED String Lights, 33 ft", 15.99, 27, 5, false],
      ["photo props", "Photo Booth Props on Sticks, 36 pc", 12.99, 14, 5, false],
      ["gift wrap", "Kraft Wrapping Paper Roll, 30 in x 30 ft", 8.49, 63, 10, false],
      ["drinking straws", "Striped Paper Straws, 200 ct", 7.99, 91, 20, false],
    ]),
  },
  {
    name: "Foggy Bottom Market",
    address: {
      street: "4 Florida Ave",
      city: "Washington",
      state: "DC",
      postalCode: "20037",
      country: "USA",
    },
    products: toProducts([
      ["avocados", "Conventional Hass, 4ct bag", 3.99, 1000, 100, false],
      ["limes", "Conventional, 1 ct", 0.35, 1000, 100, false],
      ["organic limes", "Organic, 16 oz bag", 3.49, 50, 10, false],
      ["cilantro", "Organic, 1 bunch", 1.49, 100, 10, false],
      ["pizza", "Frozen Cheese, 12 in", 4.99, 100, 20, false],
      ["bananas", "Conventional, 3 lb bunch", 1.69, 600, 100, false],
      ["strawberries", "Organic, 1 lb clamshell", 4.49, 80, 20, false],
      ["blueberries", "Fresh, 1 pint", 3.99, 0, 20, true],
      ["sourdough bread", "Artisan San Francisco Style Loaf, 24 oz", 5.49, 30, 10, false],
      ["whole milk", "Grade A Vitamin D Milk, 1 gal", 3.89, 45, 15, false],
      ["large eggs", "Cage-Free Grade A Brown Eggs, 12 ct", 4.79, 72, 24, false],
      ["cheddar cheese", "Sharp Cheddar Block, Aged 9 Months, 8 oz", 3.99, 60, 12, false],
      ["greek yogurt", "Plain Nonfat Greek Yogurt, 32 oz", 5.29, 36, 12, false],
      ["coffee beans", "Medium Roast Whole Bean Colombian, 12 oz", 9.99, 40, 10, false],
      ["olive oil", "Extra Virgin, Cold Pressed, 500 ml", 8.99, 55, 10, false],
      ["tortilla chips", "Restaurant Style White Corn, 13 oz", 3.49, 95, 20, false],
      ["salsa", "Medium Chunky Salsa, 16 oz jar", 2.99, 68, 20, false],
      ["sparkling water", "Lime Flavored, 8 pack of 12 oz cans", 4.99, 120, 24, false],
      ["orange juice", "100% Pure Squeezed, No Pulp, 52 oz", 4.29, 4, 10, false],
      ["pasta", "Organic Spaghetti, 16 oz", 1.99, 130, 30, false],
      ["tomato sauce", "Marinara with Basil, 24 oz jar", 3.79, 77, 20, false],
      ["dark chocolate", "72% Cacao Dark Chocolate Bar, 3.5 oz", 2.99, 0, 15, true],
    ]),
  },
  {
    name: "DogExpress",
    address: {
      street: "4 Kings Road",
      city: "Washington",
      state: "DC",
      postalCode: "20002",
      country: "USA",
    },
    products: toProducts([
      ["dog food", "Adult Chicken & Brown Rice Dry Dog Food, 30 lb", 49.99, 25, 5, false],
      ["puppy food", "Small Breed Puppy Formula, 15 lb", 34.99, 18, 5, false],
      ["dog treats", "Peanut Butter Training Treats, 16 oz", 8.99, 80, 20, false],
      ["dental chews", "Daily Dental Chews, Medium, 30 ct", 19.99, 42, 10, false],
      ["chew toy", "Durable Rubber Chew Toy, Large", 12.99, 33, 10, false],
      ["tennis balls", "Dog Tennis Balls, 6 pack", 7.99, 64, 15, false],
      ["rope toy", "Cotton Rope Tug Toy, 3 Knot", 6.49, 0, 10, true],
      ["dog leash", "Reflective Nylon Leash, 6 ft", 14.99, 28, 5, false],
      ["dog collar", "Adjustable Padded Collar, Medium", 11.99, 37, 10, false],
      ["dog harness", "No-Pull Front Clip Harness, Medium", 24.99, 16, 5, false],
      ["dog bed", "Orthopedic Memory Foam Bed, 36 x 28 in", 59.99, 9, 3, false],
      ["poop bags", "Unscented Waste Bags, 16 rolls, 240 ct", 9.49, 150, 30, false],
      ["dog shampoo", "Oatmeal & Aloe Sensitive Skin Shampoo, 16 oz", 10.99, 44, 10, false],
      ["grooming brush", "Self-Cleaning Slicker Brush", 13.99, 26, 5, false],
      ["nail clippers", "Stainless Steel Nail Clippers with Guard", 9.99, 31, 5, false],
      ["food bowl", "Stainless Steel Non-Slip Bowl, 2 pack", 15.99, 22, 5, false],
      ["water fountain", "Pet Water Fountain with Filter, 84 oz", 29.99, 2, 5, false],
      ["dog crate", "Folding Metal Crate with Divider, 36 in", 64.99, 7, 2, false],
      ["dog jacket", "Water-Resistant Winter Jacket, Medium", 27.99, 0, 5, true],
      ["travel bowl", "Collapsible Silicone Travel Bowl, 2 pack", 8.49, 57, 10, false],
    ]),
  },
];
