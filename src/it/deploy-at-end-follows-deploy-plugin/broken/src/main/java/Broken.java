public class Broken { this does not compile }
