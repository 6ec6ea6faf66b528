import sys
sys.version_info[:2] >= (3, 6)
sys.version
