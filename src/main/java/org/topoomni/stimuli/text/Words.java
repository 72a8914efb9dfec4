package org.topoomni.stimuli.text;

import java.util.SplittableRandom;

/** Word lists shared by the text generators (plain English, no rare words). */
final class Words {
    private Words() {}

    static final String[] FEMALE = {"Anna", "Maria", "Sarah", "Emily", "Laura", "Julia", "Sofia", "Hannah", "Olivia",
            "Clara", "Nina", "Grace", "Lucy", "Eva", "Rosa", "Alice", "Mei", "Amira", "Priya", "Fatima", "Ingrid",
            "Yuki", "Chloe", "Zoe", "Elena", "Martha"};
    static final String[] MALE = {"David", "James", "Peter", "Tom", "Daniel", "Lucas", "Omar", "Ravi", "Kenji", "Marco",
            "Samuel", "Jonas", "Leo", "Hugo", "Felix", "Ahmed", "Diego", "Ivan", "Noah", "Oscar", "Paul", "Victor",
            "Carlos", "Ben", "Henry", "Mateo"};
    static final String[] PERSON = {"teacher", "farmer", "doctor", "baker", "student", "pilot", "nurse", "painter",
            "driver", "neighbour", "musician", "gardener", "lawyer", "fisherman", "waiter", "singer", "writer",
            "carpenter", "librarian", "chef"};
    static final String[] ADJ = {"old", "young", "quiet", "tired", "clever", "friendly", "nervous", "careful", "happy",
            "busy", "small", "large", "heavy", "bright", "dusty", "strange", "famous", "broken", "shiny", "wooden"};
    static final String[] THING = {"box", "letter", "lamp", "basket", "ladder", "bicycle", "umbrella", "painting",
            "kettle", "blanket", "clock", "mirror", "guitar", "suitcase", "camera", "bottle", "newspaper", "chair",
            "map", "key"};
    static final String[] THINGS = {"books", "apples", "candles", "shoes", "flowers", "stamps", "cups", "maps", "shirts",
            "plates", "hats", "postcards"};
    static final String[] PLACE = {"kitchen", "garden", "station", "market", "library", "harbour", "bakery", "museum",
            "hospital", "park", "school", "office", "church", "river", "bridge", "forest", "village square", "beach",
            "castle", "hotel"};
    static final String[] VT = {"carried", "painted", "found", "moved", "opened", "repaired", "dropped", "cleaned",
            "borrowed", "wrapped", "sold", "hid", "lifted", "washed", "pushed", "bought", "checked", "delivered",
            "packed", "noticed"};
    static final String[] VPP = {"found", "moved", "opened", "repaired", "dropped", "cleaned", "borrowed", "wrapped",
            "sold", "hidden", "lifted", "washed", "bought", "delivered", "packed", "broken", "stolen", "taken",
            "painted", "fixed"};
    static final String[] VPP_PLACE = {"repaired", "painted", "cleaned", "visited", "rebuilt", "photographed",
            "restored", "decorated", "measured", "explored"};
    static final String[] VBASE = {"carry", "paint", "find", "move", "open", "repair", "clean", "borrow", "wrap", "sell",
            "hide", "lift", "wash", "buy", "check", "deliver", "pack", "fix"};
    static final String[] VI = {"walked", "drove", "ran", "hurried", "cycled", "wandered", "travelled", "returned",
            "rushed", "strolled"};
    static final String[] ADV = {"slowly", "quickly", "quietly", "happily", "carefully", "nervously", "eagerly", "calmly"};
    static final String[] EVENT = {"storm", "concert", "meeting", "wedding", "football match", "long lecture",
            "village fair", "dinner party", "school play", "heavy rain"};
    static final String[] ANIMAL = {"dog", "cat", "horse", "goat", "rabbit", "parrot", "donkey", "duck", "fox", "sheep"};
    static final String[] ANIMAL_DID = {"ran away", "fell asleep", "came home", "jumped over the fence",
            "hid under the table", "woke up"};
    static final String[] RELATIVE = {"aunt", "uncle", "grandmother", "grandfather", "cousin", "sister", "brother",
            "mother", "father"};
    static final String[] VS = {"buys", "sells", "paints", "collects", "cooks", "repairs", "cleans", "orders",
            "carries", "draws"};
    static final String[] WHEN = {"last week", "yesterday", "on Monday", "in the spring", "two days ago",
            "this morning", "last summer", "on Friday"};
    static final String[] COMP = {"cheaper", "heavier", "smaller", "louder", "brighter", "older", "stronger", "larger"};
    static final String[] WEATHER = {"rain was heavy", "wind was cold", "road was icy", "sun was hot", "sky was dark",
            "snow was deep"};
    static final String[] SURFACE = {"table", "shelf", "windowsill", "bench", "counter", "desk"};
    static final String[] DAYTIME = {"morning", "evening", "afternoon", "winter", "summer"};
    static final String[] LANDMARK = {"river", "old mill", "church", "bridge", "market"};
    static final String[] PEOPLE = {"builders", "villagers", "students", "workers", "tourists", "neighbours"};
    static final String[] SEASON = {"summer", "winter", "spring", "autumn", "year"};
    static final String[] FOOD = {"lasagna", "soup", "rice", "pancakes", "salad", "noodles", "stew", "cake",
            "dumplings", "curry", "bread", "pie"};
    static final String[] COLOUR = {"red", "blue", "green", "yellow", "white", "black", "orange", "grey", "purple", "brown"};
    static final String[] CITY = {"Lisbon", "Oslo", "Madrid", "Vienna", "Dublin", "Prague", "Athens", "Berlin", "Rome",
            "Warsaw", "Helsinki", "Zurich", "Porto", "Milan", "Krakow", "Lyon"};
    static final String[] TOWN = {"Millbrook", "Ashford", "Greenvale", "Riverton", "Oakfield", "Stonebridge",
            "Fairhaven", "Westmoor", "Elmwood", "Lakeside", "Northbury", "Redcliff"};
    static final String[] CONTAINER = {"drawer", "basket", "cupboard", "box", "bag", "jar", "chest", "tin", "suitcase"};
    static final String[] SMALL_THING = {"ring", "watch", "wallet", "notebook", "scarf", "phone", "glasses", "keys",
            "ticket", "pen", "ball", "toy car"};
    static final String[] ROOM = {"kitchen", "bedroom", "hallway", "living room", "garage", "attic", "bathroom",
            "study", "garden shed", "basement"};
    static final String[] FRUIT = {"apple", "pear", "plum", "orange", "lemon", "peach", "fig", "cherry"};
    static final String[] BUILDING = {"windmill", "bakery", "school", "church", "cinema", "post office", "factory",
            "hotel", "library", "train station", "market hall", "theatre"};
    static final String[] SHOP = {"bakery", "pharmacy", "bookshop", "butcher", "hardware store", "flower shop",
            "post office", "bank", "cafe", "launderette"};
    static final String[] VEHICLE = {"bus", "truck", "van", "taxi", "tractor", "motorbike", "lorry", "camper van"};
    static final String[] CROP = {"wheat", "corn", "sunflowers", "potatoes", "barley", "lavender", "cabbages", "oats"};
    static final String[] EXHIBIT = {"dinosaur skeleton", "Roman coins", "old telescope", "Viking ship",
            "Egyptian mummy", "steam engine", "gold crown", "giant globe"};
    static final String[] DAY = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    static String pick(SplittableRandom r, String[] a) {
        return a[r.nextInt(a.length)];
    }

    /** Two different entries of {@code a}. */
    static String[] pick2(SplittableRandom r, String[] a) {
        int i = r.nextInt(a.length), j = r.nextInt(a.length - 1);
        if (j >= i) j++;
        return new String[] {a[i], a[j]};
    }

    /** "a" or "an" before {@code word}. */
    static String article(String word) {
        return "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
