"""python -m perurel"""

from perurel.launch import main

main()
