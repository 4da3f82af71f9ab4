import Crypto
import Foundation
import LedgerStore
import Testing

/// The audit writes each recomputed hash as hexadecimal into one reused buffer, then compares it
/// with the stored text: the digits must be the ones every other writer of a hash gives.
@Suite("A digest's hexadecimal")
struct HexTests {
    @Test func theAuditsDigitsEqualTheHashText() {
        var buffer: [UInt8] = Array(repeating: 0x78, count: 70)  // longer than needed, and dirty
        for text in ["", "a", "ClaimLedger", String(repeating: "ÿ\u{0}", count: 300)] {
            let digest = SHA256.hash(data: Data(text.utf8))
            digest.writeHex(into: &buffer)
            #expect(String(decoding: buffer.prefix(64), as: UTF8.self) == digest.hexString)
            #expect(buffer.count == 70 && buffer.suffix(6).allSatisfy { $0 == 0x78 })
            var fresh: [UInt8] = []
            digest.writeHex(into: &fresh)
            #expect(String(decoding: fresh, as: UTF8.self) == digest.hexString)
        }
        #expect(
            SHA256.hash(data: Data("abc".utf8)).hexString
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
