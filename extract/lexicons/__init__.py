"""Every word list of the extractor, each once, by subject.

Lists hold general world knowledge and ordinary news vocabulary, never names taken
from particular articles. Modules here import nothing of ``extract`` outside this
package (tests/extract/lexicons checks it), so any step may use them without a cycle.
"""
