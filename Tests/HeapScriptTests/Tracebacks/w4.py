len(5)   
