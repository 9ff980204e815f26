# string: character classes and capwords.
import string

print(string.ascii_letters)  # expect: abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ
print(string.ascii_lowercase, string.ascii_uppercase)  # expect: abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ
print(string.digits, string.hexdigits, string.octdigits)  # expect: 0123456789 0123456789abcdefABCDEF 01234567
print(string.punctuation)  # expect: !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~
print(repr(string.whitespace), len(string.printable))  # expect: ' \t\n\r\x0b\x0c' 100
print(string.capwords('hello   wide  world'), string.capwords('a-b c-d', '-'))  # expect: Hello Wide World A-B c-D
print(all(c in string.printable for c in 'Hello, World!'), [c for c in 'a1b2' if c in string.digits])
# expect: True ['1', '2']
